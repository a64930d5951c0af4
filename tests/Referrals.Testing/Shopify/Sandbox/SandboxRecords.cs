namespace Referrals.Testing.Shopify.Sandbox;

/// <summary>A customer of the sandbox store: the gid the Admin API knows and the numeric id webhooks carry.</summary>
/// <param name="Gid">The <c>gid://shopify/Customer/…</c> id.</param>
/// <param name="Id">The numeric id of the REST-shaped webhook bodies.</param>
/// <param name="Email">The e-mail address.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="AcceptsMarketing">Whether the customer agreed to marketing e-mail at checkout.</param>
public sealed record SandboxCustomer(string Gid, long Id, string Email, string FirstName, bool AcceptsMarketing);

/// <summary>An order placed in the sandbox store.</summary>
/// <param name="Gid">The <c>gid://shopify/Order/…</c> id.</param>
/// <param name="Id">The numeric id webhooks carry.</param>
/// <param name="Name">The order name, for example <c>#1002</c>.</param>
/// <param name="Customer">Who bought.</param>
/// <param name="Total">The total paid, in the store's currency.</param>
/// <param name="CreatedAt">When it was placed (the sandbox clock).</param>
public sealed record SandboxOrder(string Gid, long Id, string Name, SandboxCustomer Customer, decimal Total, DateTimeOffset CreatedAt);

/// <summary>What a purchase carries besides the customer and the total: the places a referral can hide.</summary>
public sealed record SandboxPurchase
{
    /// <summary>Codes typed at checkout (<c>discount_codes</c>).</summary>
    public IReadOnlyList<string> DiscountCodes { get; init; } = [];

    /// <summary>Cart attributes (<c>note_attributes</c>), for example <c>referral_code</c>.</summary>
    public IReadOnlyDictionary<string, string> NoteAttributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The first page of the visit (<c>landing_site</c>), for example <c>/?ref=ANNA-7KQ2M9</c>.</summary>
    public string? LandingSite { get; init; }
}

/// <summary>One webhook the sandbox sent and how the receiver answered.</summary>
/// <param name="Topic">The <c>X-Shopify-Topic</c>.</param>
/// <param name="WebhookId">The <c>X-Shopify-Webhook-Id</c>.</param>
/// <param name="EventId">The <c>X-Shopify-Event-Id</c>.</param>
/// <param name="TriggeredAt">The <c>X-Shopify-Triggered-At</c>.</param>
/// <param name="StatusCode">The receiver's HTTP status.</param>
public sealed record SandboxDelivery(string Topic, string WebhookId, string EventId, DateTimeOffset TriggeredAt, int StatusCode)
{
    /// <summary>Whether the receiver accepted it (2xx), as Shopify counts a delivery.</summary>
    public bool Accepted => StatusCode is >= 200 and < 300;
}
