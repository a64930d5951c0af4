namespace Referrals.Core.Privacy;

/// <summary>Who asked for an erasure and how the audit entry records it.</summary>
/// <param name="Actor">Who asked (a user name, <c>shopify</c>, <c>retention</c>).</param>
/// <param name="Action">The audit action, like <c>privacy.customer-redact</c>.</param>
/// <param name="Subject">The audit subject: the request's reference. Keep personal data out of it; it is written after the erasure.</param>
/// <param name="Note">Text added to the audit details; keep personal data out of it too.</param>
public sealed record RedactionRequest(string Actor, string Action, string Subject, string? Note = null)
{
    /// <summary>
    /// An inbox row left untouched even if it concerns the people erased: the privacy request's own delivery, kept
    /// as the record of the request (a <c>shop/redact</c> body names only the shop).
    /// </summary>
    public long? KeepInboxMessageId { get; init; }

    /// <summary>
    /// The inbox row being handled right now (the request's own delivery, when it names the person): its body is
    /// emptied like the others when it concerns the people erased, but it is not settled; the caller marks it processed.
    /// </summary>
    public long? HandlingInboxMessageId { get; init; }
}
