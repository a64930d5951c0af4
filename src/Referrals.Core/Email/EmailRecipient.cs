namespace Referrals.Core.Email;

/// <summary>Who a message goes to.</summary>
/// <param name="Address">The e-mail address.</param>
/// <param name="DisplayName">The name shown beside the address, or null; line breaks are removed when the message is built.</param>
public sealed record EmailRecipient(string Address, string? DisplayName = null);
