namespace Referrals.Core.Privacy;

/// <summary>
/// Privacy settings, bound from <c>Referrals:Privacy</c> and validated at start-up by <see cref="PrivacyOptionsValidator"/>.
/// </summary>
public sealed class PrivacyOptions
{
    /// <summary>The configuration section, relative to <c>Referrals</c>.</summary>
    public const string SectionName = "Privacy";

    /// <summary>The default of <see cref="UninvitedFriendRetentionDays"/>: about six months.</summary>
    public const int DefaultUninvitedFriendRetentionDays = 180;

    /// <summary>The shortest retention allowed: shorter than the attribution window would erase friends who may still convert.</summary>
    public const int MinUninvitedFriendRetentionDays = 30;

    /// <summary>The longest retention allowed (ten years).</summary>
    public const int MaxUninvitedFriendRetentionDays = 3650;

    /// <summary>
    /// How many days after their invitation or last visit the name and e-mail of a friend who never converted are
    /// erased (the advocate gave them; the friend never agreed to be stored).
    /// </summary>
    public int UninvitedFriendRetentionDays { get; set; } = DefaultUninvitedFriendRetentionDays;
}
