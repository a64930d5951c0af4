namespace Referrals.Core.Privacy;

/// <summary>An id another system gives the contact.</summary>
/// <param name="System">The system, like <c>shopify</c>.</param>
/// <param name="Value">The id there.</param>
public sealed record ExportedExternalId(string System, string Value);
