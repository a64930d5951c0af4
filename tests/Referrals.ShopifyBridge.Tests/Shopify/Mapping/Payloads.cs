using System.Text;
using Referrals.Core.Messaging;
using Referrals.ShopifyBridge.Shopify.Payloads;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Shopify.Mapping;

/// <summary>Parses bodies the way the handlers do: from a stored inbox message.</summary>
internal static class Payloads
{
    public static readonly DateTimeOffset Received = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static InboxMessage Message(string topic, byte[] body) =>
        new("shopify", "wh-1", "ev-1", topic, "acme.myshopify.com", body, Received);

    public static OrderPayload Order(string fixture, string topic = "orders/paid") =>
        ShopifyPayload.Read(Message(topic, ShopifyFixtures.Read(fixture)), ShopifyJsonContext.Default.OrderPayload);

    public static OrderPayload OrderJson(string json) =>
        ShopifyPayload.Read(Message("orders/paid", Encoding.UTF8.GetBytes(json)), ShopifyJsonContext.Default.OrderPayload);

    public static RefundPayload Refund(byte[] body) =>
        ShopifyPayload.Read(Message("refunds/create", body), ShopifyJsonContext.Default.RefundPayload);

    public static RefundPayload Refund(string json) => Refund(Encoding.UTF8.GetBytes(json));
}
