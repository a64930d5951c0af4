namespace Referrals.Core.Tenants;

/// <summary>Thrown when program settings are saved or used while invalid.</summary>
public sealed class InvalidProgramSettingsException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public InvalidProgramSettingsException(IReadOnlyList<SettingsProblem> problems)
        : base("The referral program settings are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)))
    {
        Problems = problems;
    }

    /// <summary>Each problem, with its key and fix.</summary>
    public IReadOnlyList<SettingsProblem> Problems { get; }
}
