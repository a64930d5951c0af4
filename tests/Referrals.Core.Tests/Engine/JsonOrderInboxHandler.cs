using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// A minimal webhook host for engine tests: <c>test orders/paid</c> bodies in a Shopify-like JSON shape, handled by the
/// real <see cref="OrderEventProcessor"/>, so the inbox holds bodies with a buyer's personal data as in production.
/// </summary>
internal sealed class JsonOrderInboxHandler : IInboxHandler
{
    public const string TestSource = "test";
    public const string OrdersPaid = "orders/paid";

    // Like Shopify's bodies: '+', '@' and letters such as 'ø' are written as they are, not escaped.
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly OrderEventProcessor _orders;

    public JsonOrderInboxHandler(OrderEventProcessor orders)
    {
        _orders = orders;
    }

    public string Source => TestSource;

    public bool Handles(string topic) => topic == OrdersPaid;

    public async Task HandleAsync(InboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Deserialize<Body>(message.Payload, _json) ?? throw new PermanentMessageException("Empty body.");
        var tenant = await db.Tenants.SingleAsync(t => t.Key == message.TenantKey, cancellationToken);
        await _orders.ProcessPaidAsync(db, tenant, new PaidOrder
        {
            OrderId = body.Id,
            Name = "#" + body.Id,
            Total = new Money(body.Total, body.Currency),
            PlacedAt = body.At,
            PaidAt = body.At,
            DiscountCodes = body.Codes,
            BrowserIp = body.BrowserIp,
            UserAgent = body.UserAgent,
            Customer = new CustomerInfo
            {
                ExternalId = body.CustomerId,
                Email = body.Email,
                FirstName = body.FirstName,
                LastName = body.LastName,
                Phone = body.Phone,
                AcceptsMarketing = true,
                Address = body.Street is null ? null : new PostalAddress(body.Street, null, body.City, body.Zip, body.Country),
            },
        }, cancellationToken);
    }

    /// <summary>The body of a paid order.</summary>
    public static byte[] Serialize(Body body) => JsonSerializer.SerializeToUtf8Bytes(body, _json);

    public sealed record Body
    {
        public required string Id { get; init; }
        public required string Email { get; init; }
        public required string CustomerId { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string? Phone { get; init; }
        public string? Street { get; init; }
        public string? City { get; init; }
        public string? Zip { get; init; }
        public string? Country { get; init; }
        public string? BrowserIp { get; init; }
        public string? UserAgent { get; init; }
        public required decimal Total { get; init; }
        public string Currency { get; init; } = "EUR";
        public required DateTimeOffset At { get; init; }
        public IReadOnlyList<string> Codes { get; init; } = [];
    }
}
