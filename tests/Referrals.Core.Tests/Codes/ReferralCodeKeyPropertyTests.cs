using System.Security.Cryptography;
using CsCheck;
using Referrals.Core.Codes;

namespace Referrals.Core.Tests.Codes;

/// <summary>Properties of code parsing over generated input (CsCheck shrinks a failure to a small example).</summary>
public sealed class ReferralCodeKeyPropertyTests
{
    private static readonly Gen<string> Names = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzÉéØøß -'"], 0, 20];

    // How people retype a code: any case, spaces or underscores for hyphens, O for 0 and I or L for 1.
    private static readonly Gen<Func<string, string>> Retypings = Gen.Int[0, 7].Select<int, Func<string, string>>(variant => code =>
    {
        var typed = (variant & 1) == 0 ? code.ToLowerInvariant() : code;
        typed = (variant & 2) == 0 ? typed.Replace('-', ' ') : typed.Replace("-", "_ ", StringComparison.Ordinal);
        return (variant & 4) == 0 ? typed.Replace('0', 'O').Replace('1', 'l') : "  " + typed + "\t";
    });

    [Test]
    public void AGeneratedCode_ParsesBackToItsKey_HoweverItIsRetyped()
    {
        using var random = RandomNumberGenerator.Create();
        var generator = new ReferralCodeGenerator(random, new ReferralCodeOptions());

        Gen.Select(Names, Retypings).Sample((name, retype) =>
        {
            var code = generator.Generate(name);
            var typed = retype(code.Display);
            return ReferralCodeKey.TryCreate(typed, out var key, out var error) && error == ReferralCodeKeyError.None && key == code.LookupKey;
        }, iter: 2_000);
    }

    [Test]
    public void AnyString_EitherParsesToAValidKeyOrReturnsATypedError_AndNeverThrows()
    {
        Gen.String[0, 60].Sample(input =>
        {
            var parsed = ReferralCodeKey.TryCreate(input, out var key, out var error);
            return parsed
                ? error == ReferralCodeKeyError.None && key.Length is > 0 and <= ReferralCodeKey.MaxLength
                    && key.All(c => CrockfordBase32.Alphabet.Contains(c, StringComparison.Ordinal))
                    && ReferralCodeKey.Create(key) == key
                : error != ReferralCodeKeyError.None && key.Length == 0;
        }, iter: 5_000);
    }

    [Test]
    public void Create_ThrowsOnlyArgumentException_WhenTryCreateRefuses()
    {
        Gen.String[Gen.Char["AB01-_ !é\u00a0\u2013"], 0, 40].Sample(input =>
        {
            if (ReferralCodeKey.TryCreate(input, out _))
            {
                return;
            }

            Assert.Throws<ArgumentException>(() => ReferralCodeKey.Create(input));
        }, iter: 2_000);
    }
}
