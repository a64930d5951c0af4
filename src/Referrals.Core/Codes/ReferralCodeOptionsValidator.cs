using Microsoft.Extensions.Options;

namespace Referrals.Core.Codes;

/// <summary>
/// Checks <see cref="ReferralCodeOptions"/>, including the rules that span fields. Register it with
/// <c>ValidateOnStart()</c>; <see cref="ReferralCodeGenerator"/> also runs it on construction.
/// </summary>
public sealed class ReferralCodeOptionsValidator : IValidateOptions<ReferralCodeOptions>
{
    /// <summary>Validates <paramref name="options"/>; every failure message names the configuration key and how to fix it.</summary>
    /// <param name="name">The options name (unused: all named instances follow the same rules).</param>
    /// <param name="options">The options to check.</param>
    /// <returns>Success, or a failure listing every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, ReferralCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = ReferralCodeOptions.SectionName;
        var failures = new List<string>();

        if (options.RandomLength < ReferralCodeOptions.MinRandomLength)
        {
            failures.Add($"{Section}:RandomLength is {options.RandomLength}; set it to at least {ReferralCodeOptions.MinRandomLength} so codes cannot be guessed.");
        }

        if (options.MaxRandomLength < options.RandomLength)
        {
            failures.Add($"{Section}:MaxRandomLength ({options.MaxRandomLength}) is below {Section}:RandomLength ({options.RandomLength}); set it to at least the random length.");
        }

        if (options.MaxPrefixLength < 0)
        {
            failures.Add($"{Section}:MaxPrefixLength is {options.MaxPrefixLength}; set it to 0 (no name prefix) or more.");
        }

        if (options.MaxPrefixLength + options.MaxRandomLength > ReferralCodeKey.MaxLength)
        {
            failures.Add($"{Section}:MaxPrefixLength + {Section}:MaxRandomLength is {options.MaxPrefixLength + options.MaxRandomLength}; lower them so the sum is at most {ReferralCodeKey.MaxLength}, the longest code key.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"{Section}:MaxAttempts is {options.MaxAttempts}; set it to 1 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
