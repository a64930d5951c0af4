using Microsoft.Extensions.Options;

namespace Referrals.Core.Contacts;

/// <summary>
/// Checks <see cref="BestCustomerScoringOptions"/>. Register it with <c>ValidateOnStart()</c>;
/// <see cref="BestCustomerScorer"/> also runs it.
/// </summary>
public sealed class BestCustomerScoringOptionsValidator : IValidateOptions<BestCustomerScoringOptions>
{
    /// <summary>Validates <paramref name="options"/>; every failure message names the configuration key and how to fix it.</summary>
    /// <param name="name">The options name (unused: all named instances follow the same rules).</param>
    /// <param name="options">The options to check.</param>
    /// <returns>Success, or a failure listing every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ValidateOptionsResult Validate(string? name, BestCustomerScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = BestCustomerScoringOptions.SectionName;
        var failures = new List<string>();

        var weights = new (string Key, double Value)[]
        {
            (nameof(options.RecencyWeight), options.RecencyWeight),
            (nameof(options.FrequencyWeight), options.FrequencyWeight),
            (nameof(options.MonetaryWeight), options.MonetaryWeight),
            (nameof(options.SatisfactionWeight), options.SatisfactionWeight),
            (nameof(options.AdvocacyWeight), options.AdvocacyWeight),
        };
        foreach (var (key, value) in weights)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                failures.Add($"{Section}:{key} is {value}; set it to 0 (ignore this part) or a positive number.");
            }
        }

        if (weights.All(w => !(w.Value > 0)))
        {
            failures.Add($"All {Section} weights are 0; give at least one of RecencyWeight, FrequencyWeight, MonetaryWeight, SatisfactionWeight, AdvocacyWeight a positive value.");
        }

        if (!double.IsFinite(options.RecencyHalfLifeDays) || options.RecencyHalfLifeDays <= 0)
        {
            failures.Add($"{Section}:RecencyHalfLifeDays is {options.RecencyHalfLifeDays}; set it to a positive number of days, such as {BestCustomerScoringOptions.DefaultRecencyHalfLifeDays}.");
        }

        if (options.FrequencyTarget < 1)
        {
            failures.Add($"{Section}:FrequencyTarget is {options.FrequencyTarget}; set it to 1 or more orders.");
        }

        if (options.MonetaryTarget <= 0)
        {
            failures.Add($"{Section}:MonetaryTarget is {options.MonetaryTarget}; set it to a positive amount in the program currency.");
        }

        if (options.AdvocacyTarget < 1)
        {
            failures.Add($"{Section}:AdvocacyTarget is {options.AdvocacyTarget}; set it to 1 or more referrals.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
