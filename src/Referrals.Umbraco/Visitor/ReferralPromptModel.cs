namespace Referrals.Umbraco.Visitor;

/// <summary>What the prompt's view shows.</summary>
/// <param name="Heading">The prompt's heading.</param>
/// <param name="Action">Where the form posts.</param>
public sealed record ReferralPromptModel(string Heading, string Action);
