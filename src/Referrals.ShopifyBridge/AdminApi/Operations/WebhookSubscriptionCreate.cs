using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Subscribes the shop's events of one topic to an address (<c>webhookSubscriptionCreate</c>, API 2026-01 or later for
/// <c>uri</c>). Safe to repeat: Shopify refuses a second subscription of the same topic to the same address.
/// </summary>
/// <param name="Topic">The topic in GraphQL enum form, for example <c>ORDERS_PAID</c>.</param>
/// <param name="Uri">An https URL (or a Pub/Sub or EventBridge address).</param>
/// <param name="IncludeFields">Only these payload fields; null for all.</param>
/// <param name="Filter">A search-syntax filter that suppresses non-matching deliveries; null for none.</param>
public sealed record WebhookSubscriptionCreate(string Topic, string Uri, IReadOnlyList<string>? IncludeFields = null, string? Filter = null)
    : IShopifyOperation<WebhookSubscriptionCreateResult>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
          webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
            webhookSubscription { id topic uri }
            userErrors { field message }
          }
        }
        """;

    string IShopifyOperation<WebhookSubscriptionCreateResult>.OperationName => "WebhookSubscriptionCreate";

    string IShopifyOperation<WebhookSubscriptionCreateResult>.Document => Document;

    string? IShopifyOperation<WebhookSubscriptionCreateResult>.MutationField => "webhookSubscriptionCreate";

    bool IShopifyOperation<WebhookSubscriptionCreateResult>.IsIdempotent => true;

    JsonObject IShopifyOperation<WebhookSubscriptionCreateResult>.BuildVariables(ShopifyOperationContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(Uri);
        if (!Topic.All(c => c is (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9')))
        {
            throw new ArgumentException($"'{Topic}' is not a topic in GraphQL enum form; use for example ORDERS_PAID, not orders/paid.", nameof(Topic));
        }

        var input = new JsonObject { ["uri"] = Uri, ["format"] = "JSON" };
        if (IncludeFields is { Count: > 0 })
        {
            input["includeFields"] = new JsonArray(IncludeFields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }

        if (Filter is not null)
        {
            input["filter"] = Filter;
        }

        return new JsonObject { ["topic"] = Topic, ["webhookSubscription"] = input };
    }

    WebhookSubscriptionCreateResult IShopifyOperation<WebhookSubscriptionCreateResult>.ReadResult(JsonElement data)
    {
        var subscription = data.Required("webhookSubscriptionCreate").Required("webhookSubscription");
        return new WebhookSubscriptionCreateResult(subscription.RequiredString("id"), subscription.RequiredString("topic"), subscription.GetString("uri") ?? Uri);
    }
}

/// <summary>The subscription Shopify created.</summary>
/// <param name="SubscriptionId">Its gid, <c>gid://shopify/WebhookSubscription/…</c>.</param>
/// <param name="Topic">The topic, enum form.</param>
/// <param name="Uri">Where deliveries go.</param>
public sealed record WebhookSubscriptionCreateResult(string SubscriptionId, string Topic, string Uri);
