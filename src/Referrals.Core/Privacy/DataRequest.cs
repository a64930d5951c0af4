namespace Referrals.Core.Privacy;

/// <summary>
/// A person's request, made through the host (Shopify's <c>customers/data_request</c>), for the data the program holds
/// on them, kept with the export for the merchant to download and pass on. One row per request and matching contact;
/// a request that matched nobody keeps one row without a contact, whose export says so.
/// </summary>
/// <remarks>
/// The export is personal data: the host stores it encrypted (<see cref="ProtectedExport"/> is opaque here), and
/// redaction of the contact or the tenant deletes the row.
/// </remarks>
public sealed class DataRequest
{
    /// <summary>The longest <see cref="RequestId"/> and <see cref="CustomerRef"/>.</summary>
    public const int MaxReferenceLength = 255;

    /// <summary>Creates the request.</summary>
    /// <param name="tenantId">The tenant the request came for.</param>
    /// <param name="requestId">The host's id of the request (Shopify's <c>data_request.id</c>).</param>
    /// <param name="contactId">The matching contact; null when none matched.</param>
    /// <param name="customerRef">The host's id of the customer (a <c>gid://</c>), when the request named one.</param>
    /// <param name="protectedExport">The export JSON, already encrypted by the host.</param>
    /// <param name="receivedAt">When the request arrived (UTC).</param>
    /// <exception cref="ArgumentException">The request id or export is empty, or a reference is too long.</exception>
    public DataRequest(Guid tenantId, string requestId, Guid? contactId, string? customerRef, string protectedExport, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentException.ThrowIfNullOrEmpty(protectedExport);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requestId.Length, MaxReferenceLength, nameof(requestId));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(customerRef?.Length ?? 0, MaxReferenceLength, nameof(customerRef));
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        RequestId = requestId;
        ContactId = contactId;
        CustomerRef = customerRef;
        ProtectedExport = protectedExport;
        ReceivedAt = receivedAt;
    }

    /// <summary>The row's id (used in download links).</summary>
    public Guid Id { get; private set; }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>The host's id of the request.</summary>
    public string RequestId { get; private set; }

    /// <summary>The matching contact; null when none matched.</summary>
    public Guid? ContactId { get; private set; }

    /// <summary>The host's id of the customer, when the request named one.</summary>
    public string? CustomerRef { get; private set; }

    /// <summary>The export JSON, encrypted by the host; opaque here.</summary>
    public string ProtectedExport { get; private set; }

    /// <summary>When the request arrived (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>When the merchant first downloaded the export; null until then.</summary>
    public DateTimeOffset? DownloadedAt { get; private set; }

    /// <summary>Records the first download; later downloads keep the first time.</summary>
    public void MarkDownloaded(DateTimeOffset at) => DownloadedAt ??= at;
}
