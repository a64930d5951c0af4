using System.Text;
using Referrals.Core;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.ShopifyBridge.Shopify.Mapping;
using Referrals.ShopifyBridge.Shopify.Payloads;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Shopify.Mapping;

public sealed class OrderMapperTests
{
    [Test]
    public void ToPaidOrder_MapsEveryFieldTheEngineUses_FromTheSyntheticReferralOrder()
    {
        var paid = OrderMapper.ToPaidOrder(Payloads.Order(ShopifyFixtures.SyntheticPaidOrder), "orders/paid");

        Assert.That(paid.OrderId, Is.EqualTo("820982911946154508"), "the exact int64, not a rounded double");
        Assert.That(paid.Name, Is.EqualTo("#1001"));
        Assert.That(paid.Total, Is.EqualTo(new Money(90.00m, "EUR")));
        Assert.That(paid.PlacedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 20, 15, 15, 0, TimeSpan.Zero)));
        Assert.That(paid.PlacedAt.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(paid.PaidAt, Is.EqualTo(paid.PlacedAt));
        Assert.That(paid.DiscountCodes, Is.EqualTo(new[] { "FRIEND-7KQ2M9" }));
        Assert.That(paid.NoteAttributes, Is.EqualTo(new[] { KeyValuePair.Create("referral_code", "ALICE123") }));
        Assert.That(paid.LandingSite, Is.EqualTo("/?ref=ALICE123&utm_source=referral&utm_medium=share"));
        Assert.That(paid.LandingSiteRef, Is.EqualTo("ALICE123"));
        Assert.That(paid.PreviousOrderCount, Is.Null, "the order carries no orders_count");
        Assert.That(paid.Customer.ExternalId, Is.EqualTo("gid://shopify/Customer/115310627314723954"));
        Assert.That(paid.Customer.ExternalSystem, Is.EqualTo(ContactExternalId.Shopify));
        Assert.That(paid.Customer.Email, Is.EqualTo("jane.referred@example.com"));
        Assert.That(paid.Customer.FirstName, Is.EqualTo("Jane"));
        Assert.That(paid.Customer.LastName, Is.EqualTo("Doe"));
        Assert.That(paid.Customer.Address, Is.Null);
        Assert.That(paid.BrowserIp, Is.Null);
        Assert.That(paid.UserAgent, Is.Null);
    }

    [Test]
    public void ToPaidOrder_ReadsShopMoneyDefaultAddressAndConsent_FromShopifysSampleOrder()
    {
        var paid = OrderMapper.ToPaidOrder(Payloads.Order(ShopifyFixtures.OfficialOrder), "orders/paid");

        Assert.That(paid.Total, Is.EqualTo(new Money(388.00m, "USD")));
        Assert.That(paid.Customer.ExternalId, Is.EqualTo("gid://shopify/Customer/115310627314723954"), "the GID keeps the id the JSON number lost");
        Assert.That(paid.Customer.Address, Is.EqualTo(new PostalAddress("123 Elm St.", null, "Ottawa", "K2H7A8", "CA")), "the customer's default address before the shipping address");
        Assert.That(paid.Customer.AcceptsMarketing, Is.False, "email_marketing_consent.state not_subscribed wins over the order's checkbox");
        Assert.That(paid.Customer.Email, Is.EqualTo("john@example.com"));
        Assert.That(paid.PaidAt, Is.Null);
        Assert.That(paid.PlacedAt, Is.EqualTo(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(paid.DiscountCodes, Is.Empty);
        Assert.That(paid.NoteAttributes, Is.Empty);
    }

    [Test]
    public void ToPaidOrder_PrefersShopMoney_WhenTheBuyerPaidInAnotherCurrency()
    {
        var order = Payloads.OrderJson("""
            {"id": 5, "created_at": "2026-11-20T10:00:00Z", "currency": "USD", "total_price": "110.00",
             "total_price_set": {"shop_money": {"amount": "100.50", "currency_code": "eur"}, "presentment_money": {"amount": "110.00", "currency_code": "USD"}}}
            """);

        Assert.That(OrderMapper.ToPaidOrder(order, "orders/paid").Total, Is.EqualTo(new Money(100.50m, "EUR")));
    }

    [Test]
    public void ToPaidOrder_UsesTheOrdersEmailAndShippingAddress_ForAGuestCheckout()
    {
        var order = Payloads.OrderJson("""
            {"id": 6, "created_at": "2026-11-20T10:00:00Z", "currency": "EUR", "total_price": "20.00", "customer": null,
             "email": "guest@example.com", "buyer_accepts_marketing": true, "browser_ip": "203.0.113.9",
             "client_details": {"user_agent": "Mozilla/5.0 (test)"},
             "shipping_address": {"first_name": "Gus", "last_name": "Guest", "address1": "Main St 1", "city": "Aarhus", "zip": "8000", "country_code": "dk"}}
            """);

        var paid = OrderMapper.ToPaidOrder(order, "orders/paid");

        Assert.That(paid.Customer.ExternalId, Is.Null);
        Assert.That(paid.Customer.Email, Is.EqualTo("guest@example.com"));
        Assert.That(paid.Customer.FirstName, Is.EqualTo("Gus"));
        Assert.That(paid.Customer.Address, Is.EqualTo(new PostalAddress("Main St 1", null, "Aarhus", "8000", "DK")));
        Assert.That(paid.Customer.AcceptsMarketing, Is.True);
        Assert.That(paid.BrowserIp, Is.EqualTo("203.0.113.9"));
        Assert.That(paid.UserAgent, Is.EqualTo("Mozilla/5.0 (test)"));
    }

    [Test]
    public void ToPaidOrder_TakesOneFromOrdersCount_AsThePreviousOrders()
    {
        var order = Payloads.OrderJson("""
            {"id": 7, "created_at": "2026-11-20T10:00:00Z", "currency": "EUR", "total_price": "20.00",
             "customer": {"id": 9, "email": "a@example.com", "orders_count": 3, "accepts_marketing": true}}
            """);

        var paid = OrderMapper.ToPaidOrder(order, "orders/paid");

        Assert.That(paid.PreviousOrderCount, Is.EqualTo(2));
        Assert.That(paid.Customer.ExternalId, Is.EqualTo("gid://shopify/Customer/9"), "built from the id when no GID is sent");
        Assert.That(paid.Customer.AcceptsMarketing, Is.True, "the legacy flag counts when no consent object is sent");
    }

    [Test]
    public void ToPaidOrder_KeepsNonStringCartAttributes_AndSkipsEmptyOnes()
    {
        var order = Payloads.OrderJson("""
            {"id": 8, "created_at": "2026-11-20T10:00:00Z", "currency": "EUR", "total_price": "20.00",
             "note_attributes": [{"name": "referral_code", "value": "ANNA-7KQ"}, {"name": "count", "value": 3}, {"name": "gift", "value": true},
                                 {"name": "empty", "value": ""}, {"name": "none", "value": null}, {"name": "", "value": "x"}],
             "discount_codes": [{"code": "SAVE10"}, {"code": null}, {"code": " "}]}
            """);

        var paid = OrderMapper.ToPaidOrder(order, "orders/paid");

        Assert.That(paid.NoteAttributes, Is.EqualTo(new[] { KeyValuePair.Create("referral_code", "ANNA-7KQ"), KeyValuePair.Create("count", "3"), KeyValuePair.Create("gift", "true") }));
        Assert.That(paid.DiscountCodes, Is.EqualTo(new[] { "SAVE10" }));
    }

    [TestCase("""{"created_at": "2026-11-20T10:00:00Z", "currency": "EUR", "total_price": "1.00"}""", "'id'")]
    [TestCase("""{"id": 0, "created_at": "2026-11-20T10:00:00Z", "currency": "EUR", "total_price": "1.00"}""", "'id'")]
    [TestCase("""{"id": 1, "currency": "EUR", "total_price": "1.00"}""", "'created_at'")]
    [TestCase("""{"id": 1, "created_at": "2026-11-20T10:00:00Z", "currency": "EUR"}""", "'total_price'")]
    [TestCase("""{"id": 1, "created_at": "2026-11-20T10:00:00Z", "total_price": "1.00"}""", "'currency'")]
    [TestCase("""{"id": 1, "created_at": "2026-11-20T10:00:00Z", "total_price": "1.00", "currency": "EURO"}""", "ISO 4217")]
    public void ToPaidOrder_ThrowsAPermanentErrorNamingTheField_WhenARequiredFieldIsMissing(string json, string named)
    {
        var order = Payloads.OrderJson(json);

        var error = Assert.Throws<PermanentMessageException>(() => OrderMapper.ToPaidOrder(order, "orders/paid"));

        Assert.That(error!.Message, Does.StartWith("The orders/paid body").And.Contains(named));
    }

    [TestCase("{\"id\": 820982911946154508, \"name\": \"#10", "not valid JSON")]
    [TestCase("not json", "not valid JSON")]
    [TestCase("", "not valid JSON")]
    [TestCase("null", "JSON null")]
    [TestCase("[1, 2]", "not valid JSON")]
    [TestCase("{\"id\": \"abc\"}", "path $.id")]
    [TestCase("{\"id\": 1.5}", "path $.id")]
    public void Read_ThrowsAPermanentError_WhenTheBodyIsNotAnOrderObject(string body, string expected)
    {
        var message = Payloads.Message("orders/paid", Encoding.UTF8.GetBytes(body));

        var error = Assert.Throws<PermanentMessageException>(() => ShopifyPayload.Read(message, ShopifyJsonContext.Default.OrderPayload));

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void Read_IgnoresUnknownFields_AndReadsIdsGivenAsStrings()
    {
        var order = Payloads.OrderJson("""{"id": "820982911946154508", "brand_new_field": {"nested": [1, 2]}, "duties_included": false}""");

        Assert.That(order.Id, Is.EqualTo(820982911946154508));
    }

    [Test]
    public void ToCancelled_ReadsTheIdCurrencyAndCancelTime_FromShopifysSampleOrder()
    {
        var cancelled = OrderMapper.ToCancelled(Payloads.Order(ShopifyFixtures.OfficialOrder, "orders/cancelled"), "orders/cancelled", Payloads.Received);

        Assert.That(cancelled.OrderId, Is.EqualTo("820982911946154500"), "Shopify's sample carries a JavaScript-rounded id");
        Assert.That(cancelled.Currency, Is.EqualTo("USD"));
        Assert.That(cancelled.At, Is.EqualTo(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void ToCancelled_UsesTheReceiveTime_WhenTheBodyHasNoCancelTime()
    {
        var order = Payloads.OrderJson("""{"id": 3, "currency": "DKK"}""");

        Assert.That(OrderMapper.ToCancelled(order, "orders/cancelled", Payloads.Received).At, Is.EqualTo(Payloads.Received));
    }

    [Test]
    public void ToCancelled_ThrowsAPermanentError_WhenNoCurrencyIsGiven()
    {
        var order = Payloads.OrderJson("""{"id": 3}""");

        Assert.That(() => OrderMapper.ToCancelled(order, "orders/cancelled", Payloads.Received),
            Throws.TypeOf<PermanentMessageException>().With.Message.Contains("'currency'"));
    }
    [Test]
    public void ToFulfilled_TakesTheLatestSuccessfulFulfilment_IgnoringCancelledOnes()
    {
        var order = Payloads.OrderJson("""
            {"id": 7, "currency": "EUR", "updated_at": "2026-11-25T10:00:00Z", "fulfillments": [
              {"status": "success", "created_at": "2026-11-23T09:00:00+01:00"},
              {"status": "success", "created_at": "2026-11-24T09:00:00Z"},
              {"status": "cancelled", "created_at": "2026-11-24T18:00:00Z"}]}
            """);

        var fulfilled = OrderMapper.ToFulfilled(order, "orders/fulfilled", Payloads.Received);

        Assert.That(fulfilled.OrderId, Is.EqualTo("7"));
        Assert.That(fulfilled.Currency, Is.EqualTo("EUR"));
        Assert.That(fulfilled.At, Is.EqualTo(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)));
        Assert.That(fulfilled.At.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void ToFulfilled_UsesTheUpdateTime_WhenNoFulfilmentHasATime()
    {
        var order = Payloads.OrderJson("""{"id": 7, "updated_at": "2026-11-25T10:00:00Z", "fulfillments": [{"status": "success"}]}""");

        var fulfilled = OrderMapper.ToFulfilled(order, "orders/fulfilled", Payloads.Received);

        Assert.That(fulfilled.At, Is.EqualTo(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(fulfilled.Currency, Is.Empty);
    }

    [Test]
    public void ToFulfilled_UsesTheReceiveTime_WhenTheBodyHasNoTimes()
    {
        var order = Payloads.OrderJson("""{"id": 7}""");

        Assert.That(OrderMapper.ToFulfilled(order, "orders/fulfilled", Payloads.Received).At, Is.EqualTo(Payloads.Received));
    }

    [Test]
    public void ToFulfilled_ThrowsAPermanentError_WhenTheIdIsMissing()
    {
        var order = Payloads.OrderJson("""{"currency": "EUR"}""");

        Assert.That(() => OrderMapper.ToFulfilled(order, "orders/fulfilled", Payloads.Received),
            Throws.TypeOf<PermanentMessageException>().With.Message.Contains("'id'"));
    }
}
