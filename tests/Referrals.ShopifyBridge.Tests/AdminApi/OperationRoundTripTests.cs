using Microsoft.Extensions.Time.Testing;
using Referrals.Core;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.AdminApi.Operations;
using Referrals.Testing.Shopify.FakeAdminApi;

namespace Referrals.ShopifyBridge.Tests.AdminApi;

/// <summary>Every typed operation against the fake Admin API on loopback: the request it sends and the typed result.</summary>
public sealed class OperationRoundTripTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
    private FakeTimeProvider _clock = null!;
    private AdminApiHarness _api = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _clock = new FakeTimeProvider(Now);
        _api = await AdminApiHarness.StartAsync(clientTime: _clock);
    }

    [TearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task CustomerByEmail_ReturnsTypedCustomer_WhenEmailIsKnownInAnyCase()
    {
        var id = _api.A.AddCustomer("Anna@Example.com", ["vip"], numberOfOrders: 3, amountSpent: 120.50m);

        var customer = await _api.ExecuteAsync(new CustomerByEmail("anna@example.com"));

        Assert.That(customer, Is.EqualTo(customer! with { Id = id, Email = "Anna@Example.com", NumberOfOrders = 3, AmountSpent = new Money(120.50m, "EUR") }));
        Assert.That(customer.Tags, Is.EqualTo(new[] { "vip" }));
        Assert.That(_api.Fake.Requests.Single().Variables.GetProperty("query").GetString(), Is.EqualTo("email:\"anna@example.com\""));
    }

    [Test]
    public async Task CustomerByEmail_ReturnsNull_WhenNoCustomerHasTheEmail()
    {
        _api.A.AddCustomer("anna@example.com");

        Assert.That(await _api.ExecuteAsync(new CustomerByEmail("ben@example.com")), Is.Null);
    }

    [Test]
    public void CustomerByEmail_EscapesQuotes_SoTheSearchCannotBeBrokenOutOf()
    {
        Assert.That(new CustomerByEmail("a\"b\\c@example.com").SearchQuery, Is.EqualTo("email:\"a\\\"b\\\\c@example.com\""));
    }

    [Test]
    public async Task OrderById_ReturnsTypedOrder()
    {
        var customer = _api.A.AddCustomer("ben@example.com");
        var id = _api.A.AddOrder("#1001", 398.00m, customer, "ben@example.com", ["ANNA-7K2Q"], Now.AddDays(-2));
        _api.A.UpdateOrder(id, o => o with { TotalRefunded = 100m, FinancialStatus = "PARTIALLY_REFUNDED" });

        var order = await _api.ExecuteAsync(new OrderById(id));

        Assert.That(order, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(order!.Id, Is.EqualTo(id));
            Assert.That(order.Name, Is.EqualTo("#1001"));
            Assert.That(order.Email, Is.EqualTo("ben@example.com"));
            Assert.That(order.CustomerId, Is.EqualTo(customer));
            Assert.That(order.CreatedAt, Is.EqualTo(Now.AddDays(-2)));
            Assert.That(order.CancelledAt, Is.Null);
            Assert.That(order.FinancialStatus, Is.EqualTo("PARTIALLY_REFUNDED"));
            Assert.That(order.DiscountCodes, Is.EqualTo(new[] { "ANNA-7K2Q" }));
            Assert.That(order.TotalPrice, Is.EqualTo(new Money(398.00m, "EUR")));
            Assert.That(order.CurrentTotalPrice, Is.EqualTo(new Money(298.00m, "EUR")));
            Assert.That(order.TotalRefunded, Is.EqualTo(new Money(100m, "EUR")));
        });
    }

    [Test]
    public async Task OrderById_ReturnsNull_WhenTheOrderDoesNotExist()
    {
        Assert.That(await _api.ExecuteAsync(new OrderById("gid://shopify/Order/404")), Is.Null);
    }

    [Test]
    public void OrderById_RefusesAnIdThatIsNotAGid_WithoutCallingShopify()
    {
        Assert.That(() => _api.ExecuteAsync(new OrderById("1001")), Throws.ArgumentException.With.Message.Contains("gid://shopify/"));
        Assert.That(_api.Fake.Requests, Is.Empty);
    }

    [Test]
    public async Task StoreCreditAccountCredit_CreditsTheCustomer_AndReturnsTheTransaction()
    {
        var anna = _api.A.AddCustomer("anna@example.com");
        var expires = Now.AddDays(365);

        var credit = await _api.ExecuteAsync(new StoreCreditAccountCredit(anna, new Money(10.00m, "EUR"), expires, Notify: true));

        var transaction = _api.A.StoreCreditTransactions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(credit.TransactionId, Is.EqualTo(transaction.Id));
            Assert.That(credit.AccountId, Is.EqualTo(transaction.AccountId));
            Assert.That(credit.Amount, Is.EqualTo(new Money(10m, "EUR")));
            Assert.That(credit.BalanceAfterTransaction, Is.EqualTo(new Money(10m, "EUR")));
            Assert.That(credit.ExpiresAt, Is.EqualTo(expires));
            Assert.That(transaction.Notify, Is.True);
            Assert.That(_api.A.StoreCreditBalance(anna, "EUR"), Is.EqualTo(10m));
        });
    }

    [Test]
    public async Task StoreCreditAccountCredit_CreditsTwice_WhenCalledTwice_BecauseNeitherShopifyNorTheFakeDeduplicates()
    {
        var anna = _api.A.AddCustomer("anna@example.com");

        await _api.ExecuteAsync(new StoreCreditAccountCredit(anna, new Money(10m, "EUR")));
        var second = await _api.ExecuteAsync(new StoreCreditAccountCredit(anna, new Money(10m, "EUR")));

        Assert.That(_api.A.StoreCreditTransactions, Has.Count.EqualTo(2));
        Assert.That(second.BalanceAfterTransaction, Is.EqualTo(new Money(20m, "EUR")));
    }

    [Test]
    public async Task StoreCreditAccountDebit_TakesCreditBack()
    {
        var anna = _api.A.AddCustomer("anna@example.com");
        var credit = await _api.ExecuteAsync(new StoreCreditAccountCredit(anna, new Money(10m, "EUR")));

        var debit = await _api.ExecuteAsync(new StoreCreditAccountDebit(credit.AccountId, new Money(4m, "EUR")));

        Assert.That(debit.BalanceAfterTransaction, Is.EqualTo(new Money(6m, "EUR")));
        Assert.That(debit.AccountId, Is.EqualTo(credit.AccountId));
        Assert.That(_api.A.StoreCreditTransactions.Select(t => t.Kind), Is.EqualTo(new[] { FakeStoreCreditKind.Credit, FakeStoreCreditKind.Debit }));
    }

    [Test]
    public async Task StoreCreditAccountDebit_FailsWithInsufficientFunds_AfterExactlyOneRequest_WhenTheCreditWasSpent()
    {
        var anna = _api.A.AddCustomer("anna@example.com");
        await _api.ExecuteAsync(new StoreCreditAccountCredit(anna, new Money(5m, "EUR")));

        var error = Assert.ThrowsAsync<ShopifyUserErrorsException>(() => _api.ExecuteAsync(new StoreCreditAccountDebit(anna, new Money(8m, "EUR"))));

        Assert.That(error!.HasCode("INSUFFICIENT_FUNDS"), Is.True);
        Assert.That(error.UserErrors.Single().Field, Is.EqualTo(new[] { "debitInput", "debitAmount", "amount" }));
        Assert.That(error.ShopDomain, Is.EqualTo(AdminApiHarness.ShopA));
        Assert.That(_api.Fake.RequestsFor("storeCreditAccountDebit"), Has.Count.EqualTo(1));
        Assert.That(_api.A.StoreCreditBalance(anna, "EUR"), Is.EqualTo(5m));
    }

    [Test]
    public async Task DiscountCodeBasicCreate_CreatesASingleUseAmountCodeForOneCustomer_StartingNow()
    {
        var ben = _api.A.AddCustomer("ben@example.com");

        var created = await _api.ExecuteAsync(new DiscountCodeBasicCreate("Referral reward", "THANKS-BEN-01", new DiscountValue.FixedAmount(15m), ben));

        var code = _api.A.DiscountCodes.Single();
        Assert.Multiple(() =>
        {
            Assert.That(created.DiscountId, Is.EqualTo(code.Id));
            Assert.That(created.Code, Is.EqualTo("THANKS-BEN-01"));
            Assert.That(created.StartsAt, Is.EqualTo(Now));
            Assert.That(created.EndsAt, Is.Null);
            Assert.That(created.UsageLimit, Is.EqualTo(1));
            Assert.That(created.AppliesOncePerCustomer, Is.True);
            Assert.That(code.Amount, Is.EqualTo(15m));
            Assert.That(code.Percentage, Is.Null);
            Assert.That(code.CustomerIds, Is.EqualTo(new[] { ben }));
            Assert.That(code.UsageLimit, Is.EqualTo(1));
            Assert.That(code.AppliesOncePerCustomer, Is.True);
        });
    }

    [Test]
    public async Task DiscountCodeBasicCreate_CreatesAPercentageCodeForEveryone_WithAnEnd()
    {
        var ends = Now.AddDays(30);

        var created = await _api.ExecuteAsync(new DiscountCodeBasicCreate("Friend offer", "ANNA-7K2Q", new DiscountValue.Percentage(0.15m), EndsAt: ends));

        var code = _api.A.DiscountCodes.Single();
        Assert.That(created.EndsAt, Is.EqualTo(ends));
        Assert.That(code.Percentage, Is.EqualTo(0.15m));
        Assert.That(code.CustomerIds, Is.Empty);
        Assert.That(_api.Fake.Requests.Single().Variables.GetProperty("basicCodeDiscount").GetProperty("context").GetProperty("all").GetString(), Is.EqualTo("ALL"));
    }

    [Test]
    public async Task SegmentCreate_CreatesTheSegment_AndATakenNameIsRecognised()
    {
        var created = await _api.ExecuteAsync(new SegmentCreate("First-timers", "number_of_orders = 0"));

        var error = Assert.ThrowsAsync<ShopifyUserErrorsException>(() => _api.ExecuteAsync(new SegmentCreate("First-timers", "number_of_orders = 0")));

        Assert.That(created, Is.EqualTo(new SegmentResult(_api.A.Segments.Single().Id, "First-timers", "number_of_orders = 0")));
        Assert.That(SegmentCreate.IsNameTaken(error!), Is.True);
        Assert.That(_api.A.Segments, Has.Count.EqualTo(1));
    }

    [Test]
    public void SegmentCreate_SurfacesARefusedQuery()
    {
        var error = Assert.ThrowsAsync<ShopifyUserErrorsException>(() => _api.ExecuteAsync(new SegmentCreate("Odd", "favourite_colour = 'blue'")));

        Assert.That(error!.UserErrors.Single().Field, Is.EqualTo(new[] { "query" }));
        Assert.That(SegmentCreate.IsNameTaken(error), Is.False);
        Assert.That(_api.A.Segments, Is.Empty);
    }

    [Test]
    public async Task SegmentByName_FindsTheExactName_OrNothing()
    {
        _api.A.AddSegment("First-timers (old)", "number_of_orders = 0");
        var id = _api.A.AddSegment("First-timers", "number_of_orders = 0");

        var found = await _api.ExecuteAsync(new SegmentByName("First-timers"));
        var missing = await _api.ExecuteAsync(new SegmentByName("first-timers "));

        Assert.That(found?.SegmentId, Is.EqualTo(id));
        Assert.That(missing, Is.Null);
    }

    [Test]
    public async Task DiscountCodeBasicCreate_LimitsTheCodeToACustomerSegment()
    {
        var segment = _api.A.AddSegment("First-timers", "number_of_orders = 0");
        var newcomer = _api.A.AddCustomer("ben@example.com");
        var regular = _api.A.AddCustomer("carol@example.com", numberOfOrders: 2);

        await _api.ExecuteAsync(new DiscountCodeBasicCreate("Friend offer", "ANNA-7K2Q", new DiscountValue.Percentage(0.1m), UsageLimit: null, CustomerSegmentId: segment));

        var context = _api.Fake.Requests.Single().Variables.GetProperty("basicCodeDiscount").GetProperty("context");
        Assert.That(context.GetProperty("customerSegments").GetProperty("add")[0].GetString(), Is.EqualTo(segment));
        Assert.That(context.TryGetProperty("all", out _), Is.False);
        Assert.That(_api.A.DiscountCodes.Single().CustomerSegmentIds, Is.EqualTo(new[] { segment }));
        Assert.That(_api.A.DiscountRefusal("ANNA-7K2Q", newcomer), Is.Null);
        Assert.That(_api.A.DiscountRefusal("anna-7k2q", regular), Does.Contain("customer segment"));
    }

    [Test]
    public void DiscountCodeBasicCreate_RefusesACustomerAndASegmentTogether_WithoutCallingShopify()
    {
        Assert.ThrowsAsync<ArgumentException>(() => _api.ExecuteAsync(new DiscountCodeBasicCreate("x", "X-1", new DiscountValue.Percentage(0.1m),
            "gid://shopify/Customer/1", CustomerSegmentId: "gid://shopify/Segment/2")));
        Assert.That(_api.Fake.Requests, Is.Empty);
    }

    [Test]
    public async Task DiscountCodeBasicCreate_ReportsTaken_WhenTheCodeExists()
    {
        await _api.ExecuteAsync(new DiscountCodeBasicCreate("Friend offer", "ANNA-7K2Q", new DiscountValue.Percentage(0.1m)));

        var error = Assert.ThrowsAsync<ShopifyUserErrorsException>(() =>
            _api.ExecuteAsync(new DiscountCodeBasicCreate("Friend offer", "anna-7k2q", new DiscountValue.Percentage(0.1m))));

        Assert.That(error!.HasCode("TAKEN"), Is.True);
        Assert.That(_api.A.DiscountCodes, Has.Count.EqualTo(1));
    }

    [TestCase(0)]
    [TestCase(1.5)]
    public void DiscountCodeBasicCreate_RefusesAPercentageOutsideZeroToOne_WithoutCallingShopify(decimal fraction)
    {
        Assert.That(() => _api.ExecuteAsync(new DiscountCodeBasicCreate("t", "C", new DiscountValue.Percentage(fraction))), Throws.ArgumentException);
        Assert.That(_api.Fake.Requests, Is.Empty);
    }

    [Test]
    public async Task TagsAdd_AddsTags_WithoutReplacingTheOnesThere()
    {
        var anna = _api.A.AddCustomer("anna@example.com", ["vip"]);

        var tagged = await _api.ExecuteAsync(new TagsAdd(anna, ["referral-advocate", "vip"]));

        Assert.That(tagged.NodeId, Is.EqualTo(anna));
        Assert.That(_api.A.TagsOf(anna), Is.EqualTo(new[] { "vip", "referral-advocate" }));
    }

    [Test]
    public async Task MetafieldsSet_SetsTheAdvocateLink_AndUpdatesItInPlace()
    {
        var anna = _api.A.AddCustomer("anna@example.com");
        var input = new MetafieldsSetInput(anna, "referrals", "link", "url", "https://shop.example/r/ANNA-7K2Q");

        var first = await _api.ExecuteAsync(new MetafieldsSet([input]));
        var second = await _api.ExecuteAsync(new MetafieldsSet([input with { Value = "https://shop.example/r/ANNA-8M3R" }]));

        Assert.That(first.Metafields.Single(), Is.EqualTo(new MetafieldsSetResultItem(first.Metafields[0].Id, anna, "referrals", "link", "url", "https://shop.example/r/ANNA-7K2Q")));
        Assert.That(second.Metafields.Single().Id, Is.EqualTo(first.Metafields[0].Id));
        Assert.That(_api.A.Metafields.Single().Value, Is.EqualTo("https://shop.example/r/ANNA-8M3R"));
    }

    [Test]
    public async Task WebhookSubscriptionCreate_Subscribes_AndRefusesTheSameTopicAndAddressTwice()
    {
        var created = await _api.ExecuteAsync(new WebhookSubscriptionCreate("ORDERS_PAID", "https://bridge.example/shopify/webhooks"));

        Assert.That(created.Topic, Is.EqualTo("ORDERS_PAID"));
        Assert.That(created.Uri, Is.EqualTo("https://bridge.example/shopify/webhooks"));
        Assert.That(_api.A.WebhookSubscriptions.Single().Id, Is.EqualTo(created.SubscriptionId));
        Assert.That(
            () => _api.ExecuteAsync(new WebhookSubscriptionCreate("ORDERS_PAID", "https://bridge.example/shopify/webhooks")),
            Throws.TypeOf<ShopifyUserErrorsException>().With.Message.Contains("already been taken"));
    }

    [Test]
    public void WebhookSubscriptionCreate_RefusesTheSlashFormOfATopic_WithoutCallingShopify()
    {
        Assert.That(() => _api.ExecuteAsync(new WebhookSubscriptionCreate("orders/paid", "https://bridge.example/w")), Throws.ArgumentException.With.Message.Contains("ORDERS_PAID"));
        Assert.That(_api.Fake.Requests, Is.Empty);
    }
}
