using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Referrals.Core.Codes;

/// <summary>
/// Makes referral codes: an optional prefix from the advocate's first name, a hyphen, and a random part in
/// Crockford base 32 (<c>ANNA-7KQ2M9</c>, or <c>7KQ2M9</c> when the name gives no prefix).
/// </summary>
/// <remarks>
/// Does not check uniqueness; <see cref="ReferralCodeAllocator"/> does. Every random symbol is drawn
/// uniformly from <see cref="CrockfordBase32.Alphabet"/>, so the random part never contains I, L, O or U.
/// Thread-safe when the supplied <see cref="RandomNumberGenerator"/> is (those from
/// <see cref="RandomNumberGenerator.Create()"/> are).
/// </remarks>
public sealed class ReferralCodeGenerator
{
    /// <summary>The character between the name prefix and the random part.</summary>
    public const char Separator = '-';

    private readonly RandomNumberGenerator _random;
    private readonly ReferralCodeOptions _options;

    /// <summary>Creates a generator.</summary>
    /// <param name="random">The source of randomness; inject it so tests can be deterministic.</param>
    /// <param name="options">Lengths; copied, so later changes to the instance have no effect.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> fail <see cref="ReferralCodeOptionsValidator"/>.</exception>
    public ReferralCodeGenerator(RandomNumberGenerator random, ReferralCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(options);
        var validation = new ReferralCodeOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _random = random;
        _options = options.Clone();
    }

    /// <summary>The random length of a first attempt (<see cref="ReferralCodeOptions.RandomLength"/>).</summary>
    public int RandomLength => _options.RandomLength;

    /// <summary>The longest random part this generator makes (<see cref="ReferralCodeOptions.MaxRandomLength"/>).</summary>
    public int MaxRandomLength => _options.MaxRandomLength;

    /// <summary>Generates a code with a random part of <see cref="RandomLength"/> symbols.</summary>
    /// <param name="advocateFirstName">The advocate's first name, folded by <see cref="NamePrefix"/>; null for no prefix.</param>
    /// <returns>The display code and its lookup key.</returns>
    public GeneratedCode Generate(string? advocateFirstName) => Generate(advocateFirstName, _options.RandomLength);

    /// <summary>Generates a code with a random part of <paramref name="randomLength"/> symbols.</summary>
    /// <param name="advocateFirstName">The advocate's first name, folded by <see cref="NamePrefix"/>; null for no prefix.</param>
    /// <param name="randomLength">Symbols in the random part, from 1 to <see cref="MaxRandomLength"/>.</param>
    /// <returns>The display code and its lookup key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="randomLength"/> is out of range.</exception>
    public GeneratedCode Generate(string? advocateFirstName, int randomLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(randomLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(randomLength, _options.MaxRandomLength);

        Span<byte> bytes = stackalloc byte[randomLength];
        _random.GetBytes(bytes);
        var randomPart = CrockfordBase32.FromRandomBytes(bytes);

        var prefix = NamePrefix.Fold(advocateFirstName, _options.MaxPrefixLength);
        var display = prefix.Length == 0 ? randomPart : string.Concat(prefix, Separator.ToString(), randomPart);

        // Options cap prefix + random at ReferralCodeKey.MaxLength and both parts are A-Z/0-9, so this cannot throw.
        return new GeneratedCode(display, ReferralCodeKey.Create(display));
    }
}
