namespace Referrals.Core.Codes;

/// <summary>
/// How referral codes look and how hard the allocator tries to find a free one. Bound from
/// <see cref="SectionName"/>; checked by <see cref="ReferralCodeOptionsValidator"/>.
/// </summary>
public sealed class ReferralCodeOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Referrals:Codes";

    /// <summary>
    /// Default <see cref="RandomLength"/>: 6 symbols, about 10⁹ codes per prefix, too many to guess and
    /// still short enough to read out on the phone.
    /// </summary>
    public const int DefaultRandomLength = 6;

    /// <summary>Default <see cref="MaxRandomLength"/>: the random part may grow by two symbols when codes collide.</summary>
    public const int DefaultMaxRandomLength = 8;

    /// <summary>Default <see cref="MaxPrefixLength"/>: long enough for most first names.</summary>
    public const int DefaultMaxPrefixLength = 8;

    /// <summary>Default <see cref="MaxAttempts"/>: tries per random length before growing it.</summary>
    public const int DefaultMaxAttempts = 5;

    /// <summary>The smallest <see cref="RandomLength"/> allowed: fewer symbols would make codes guessable.</summary>
    public const int MinRandomLength = 4;

    /// <summary>Symbols in the random part of a new code. Default <see cref="DefaultRandomLength"/>.</summary>
    public int RandomLength { get; set; } = DefaultRandomLength;

    /// <summary>
    /// The longest the random part may grow to after repeated collisions. Default <see cref="DefaultMaxRandomLength"/>;
    /// at least <see cref="RandomLength"/>.
    /// </summary>
    public int MaxRandomLength { get; set; } = DefaultMaxRandomLength;

    /// <summary>
    /// The most letters taken from the advocate's first name for the prefix; 0 turns prefixes off.
    /// Default <see cref="DefaultMaxPrefixLength"/>.
    /// </summary>
    public int MaxPrefixLength { get; set; } = DefaultMaxPrefixLength;

    /// <summary>Codes tried at each random length before growing it. Default <see cref="DefaultMaxAttempts"/>.</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>A copy, so a caller changing these options later cannot change a running generator.</summary>
    internal ReferralCodeOptions Clone() => (ReferralCodeOptions)MemberwiseClone();
}
