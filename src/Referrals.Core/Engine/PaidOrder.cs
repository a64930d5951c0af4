namespace Referrals.Core.Engine;

/// <summary>A paid order, as a host reports it (parsed from <c>orders/paid</c>, or from a form or commerce package).</summary>
public sealed record PaidOrder
{
    /// <summary>The host's order id. Required.</summary>
    public required string OrderId { get; init; }

    /// <summary>The order number customers see.</summary>
    public string? Name { get; init; }

    /// <summary>The order's total. Required.</summary>
    public required Money Total { get; init; }

    /// <summary>When the order was placed. Required.</summary>
    public required DateTimeOffset PlacedAt { get; init; }

    /// <summary>When it was paid; the placing time when null.</summary>
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>The buyer.</summary>
    public CustomerInfo Customer { get; init; } = new();

    /// <summary>Orders the buyer placed before this one, when the host knows (Shopify's <c>orders_count</c> − 1); the engine also counts its own.</summary>
    public int? PreviousOrderCount { get; init; }

    /// <summary>Discount codes applied at checkout.</summary>
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];

    /// <summary>Cart or note attributes.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> NoteAttributes { get; init; } = [];

    /// <summary>The first page the buyer landed on, as a relative or absolute URL.</summary>
    public string? LandingSite { get; init; }

    /// <summary>The host's own parse of the landing site's ref parameter.</summary>
    public string? LandingSiteRef { get; init; }

    /// <summary>The buyer's IP address, when known.</summary>
    public string? BrowserIp { get; init; }

    /// <summary>The buyer's user agent, when known.</summary>
    public string? UserAgent { get; init; }
}
