namespace Referrals.Core.Privacy;

/// <summary>One of the contact's referral codes.</summary>
/// <param name="Code">The code as shown.</param>
/// <param name="Active">Whether it still attributes.</param>
/// <param name="CreatedAt">Created.</param>
public sealed record ExportedCode(string Code, bool Active, DateTimeOffset CreatedAt);
