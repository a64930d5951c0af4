using Microsoft.Extensions.Options;

namespace Referrals.Core.Privacy;

/// <summary>Checks <see cref="PrivacyOptions"/> at start-up; each failure names the key and how to fix it.</summary>
public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    /// <summary>The full configuration key of <see cref="PrivacyOptions.UninvitedFriendRetentionDays"/>.</summary>
    public const string RetentionKey = "Referrals:Privacy:UninvitedFriendRetentionDays";

    /// <summary>Validates <paramref name="options"/>.</summary>
    /// <param name="name">The options name (unused).</param>
    /// <param name="options">The options to check.</param>
    /// <returns>Success, or a failure naming the key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var days = options.UninvitedFriendRetentionDays;
        return days is < PrivacyOptions.MinUninvitedFriendRetentionDays or > PrivacyOptions.MaxUninvitedFriendRetentionDays
            ? ValidateOptionsResult.Fail(
                $"{RetentionKey} is {days}; set it between {PrivacyOptions.MinUninvitedFriendRetentionDays} and {PrivacyOptions.MaxUninvitedFriendRetentionDays} days ({PrivacyOptions.DefaultUninvitedFriendRetentionDays} is the default).")
            : ValidateOptionsResult.Success;
    }
}
