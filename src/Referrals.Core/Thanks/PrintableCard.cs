namespace Referrals.Core.Thanks;

/// <summary>What one printed thank-you card shows.</summary>
/// <param name="Message">The handwritten message's suggested text (line breaks kept).</param>
/// <param name="RecipientName">Who the card is to, for the address block; null when unknown.</param>
/// <param name="PostalAddress">The postal address, one line per row; null when unknown.</param>
/// <param name="ReferralLink">The advocate's personal link, printed with its QR code; null prints none.</param>
public sealed record PrintableCard(string Message, string? RecipientName, string? PostalAddress, Uri? ReferralLink);
