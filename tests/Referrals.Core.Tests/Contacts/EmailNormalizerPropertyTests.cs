using CsCheck;
using Referrals.Core.Contacts;

namespace Referrals.Core.Tests.Contacts;

/// <summary>Properties of e-mail normalization over generated input.</summary>
public sealed class EmailNormalizerPropertyTests
{
    // Plausible addresses, with the parts the normalizer treats specially: tags, dots, Gmail and capitals.
    private static readonly Gen<string> Addresses = Gen.Select(
        Gen.String[Gen.Char["abcXYZ019.+_-"], 1, 16],
        Gen.OneOfConst("gmail.com", "GoogleMail.com", "example.com", "mail.Example.org", "localhost", "a..b", "x."),
        Gen.OneOfConst("", " ", "\t"),
        (local, domain, pad) => pad + local + "@" + domain + pad);

    private static readonly Gen<string> Anything = Gen.OneOf(Addresses, Gen.String[0, 40], Gen.String[Gen.Char["a@.+ \u0130\u0131"], 0, 12]);

    [Test]
    public void Normalize_NeverThrows_AndIsIdempotent()
    {
        Anything.Sample(input =>
        {
            var once = EmailNormalizer.Normalize(input);
            return once is null || EmailNormalizer.Normalize(once) == once;
        }, iter: 5_000);
    }

    [Test]
    public void Normalize_IgnoresTheCaseOfAsciiLetters()
    {
        Gen.Select(Addresses, Gen.Int[0, 2]).Sample((address, variant) =>
        {
            var recased = variant switch
            {
                0 => address.ToUpperInvariant(),
                1 => address.ToLowerInvariant(),
                _ => string.Concat(address.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c)),
            };
            return EmailNormalizer.Normalize(recased) == EmailNormalizer.Normalize(address)
                && EmailNormalizer.IsSameMailbox(recased, address) == (EmailNormalizer.Normalize(address) is not null);
        }, iter: 3_000);
    }
}
