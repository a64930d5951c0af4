namespace Referrals.Core.Tenants;

/// <summary>One thing wrong with a setting: which key, what is wrong, and how to fix it.</summary>
/// <param name="Key">The configuration key, for example <c>Referrals:Program:HoldDays</c>.</param>
/// <param name="Message">What is wrong and how to fix it, in words an editor or merchant can act on.</param>
public sealed record SettingsProblem(string Key, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Key}: {Message}";
}
