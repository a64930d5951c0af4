using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.Advocates;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify.FakeAdminApi;

namespace Referrals.ShopifyBridge.Tests.Advocates;

/// <summary>
/// A new advocate code, made by the real engine, reaches the shop through the outbox: the real Admin API client talks to
/// the fake Admin API on loopback. On SQLite and PostgreSQL.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class AdvocateCodePublisherTests
{
    private readonly StorageProvider _provider;
    private FakeShopifyAdminApi _fake = null!;
    private WebhookBridge _bridge = null!;
    private Tenant _tenant = null!;

    public AdvocateCodePublisherTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private FakeShop Shop => _fake.Shop(WebhookBridge.Shop);

    [SetUp]
    public async Task SetUp()
    {
        _fake = await FakeShopifyAdminApi.StartAsync(new FakeAdminApiOptions { RetryAfter = TimeSpan.FromMilliseconds(50), HangLimit = TimeSpan.FromSeconds(1) });
        _bridge = await WebhookBridge.StartAsync(_provider, new Dictionary<string, string?>
        {
            ["Referrals:Shopify:AdminApi:BaseAddress"] = _fake.BaseAddress.ToString(),
        });
        _bridge.Services.GetRequiredService<InMemoryShopifyAccessTokenSource>().Set(WebhookBridge.Shop, "shpat_test");
        _tenant = await _bridge.ConnectShopAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _bridge.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Test]
    public async Task ANewCodeCreatesTheFriendDiscountTagsTheAdvocateAndSetsTheLinkMetafield()
    {
        var customer = Shop.AddCustomer("alice@example.com");
        var code = await GiveCodeAsync(customer);

        var drained = await OutboxAsync();

        Assert.That(drained.Succeeded, Is.EqualTo(1));
        Assert.That(_fake.Requests.Select(r => r.Operation), Is.EqualTo(new[] { "segmentCreate", "discountCodeBasicCreate", "tagsAdd", "metafieldsSet" }));
        var segment = Shop.Segments.Single();
        var input = _fake.RequestsFor("discountCodeBasicCreate").Single().Variables.GetProperty("basicCodeDiscount");
        Assert.Multiple(() =>
        {
            Assert.That(input.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(input.GetProperty("title").GetString(), Is.EqualTo("Referral code " + code));
            Assert.That(input.GetProperty("appliesOncePerCustomer").GetBoolean(), Is.True);
            Assert.That(input.TryGetProperty("usageLimit", out _), Is.False, "every friend may use the shared code once");
            Assert.That(input.GetProperty("context").GetProperty("customerSegments").GetProperty("add").EnumerateArray().Select(s => s.GetString()),
                Is.EqualTo(new[] { segment.Id }), "only customers in the first-order segment");
            Assert.That(segment.Query, Is.EqualTo("number_of_orders = 0"));
            Assert.That(segment.Name, Is.EqualTo(FirstOrderSegment.Name));
            Assert.That(input.GetProperty("customerGets").GetProperty("value").GetProperty("discountAmount").GetProperty("amount").GetString(), Is.EqualTo("10"));
            Assert.That(input.GetProperty("customerGets").GetProperty("items").GetProperty("all").GetBoolean(), Is.True);
        });
        var tags = _fake.RequestsFor("tagsAdd").Single().Variables;
        Assert.That(tags.GetProperty("id").GetString(), Is.EqualTo(customer));
        Assert.That(tags.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "referrals-advocate" }));
        var link = $"https://{WebhookBridge.Shop}/apps/referrals/r/{code}";
        var metafields = _fake.RequestsFor("metafieldsSet").Single().Variables.GetProperty("metafields").EnumerateArray()
            .Select(m => (m.GetProperty("ownerId").GetString(), m.GetProperty("namespace").GetString(), m.GetProperty("key").GetString(), m.GetProperty("type").GetString(), m.GetProperty("value").GetString()));
        Assert.That(metafields, Is.EqualTo(new[]
        {
            (customer, "referrals", "referral_link", "url", link),
            (customer, "referrals", "referral_code", "single_line_text_field", code),
        }));
        Assert.That(Shop.TagsOf(customer), Does.Contain("referrals-advocate"));
        var discount = Shop.DiscountCodes.Single();
        var message = await _bridge.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.That(message.Kind, Is.EqualTo(AdvocateCodePublisher.OutboxKind));
        Assert.That(message.ExternalRef, Is.EqualTo(discount.Id));
    }

    [Test]
    public async Task APercentageOfferBecomesAFractionOfTheOrder()
    {
        await SetOfferAsync(FriendOfferType.Percentage, 15m);
        await GiveCodeAsync(Shop.AddCustomer("alice@example.com"));

        await OutboxAsync();

        var value = _fake.RequestsFor("discountCodeBasicCreate").Single().Variables.GetProperty("basicCodeDiscount").GetProperty("customerGets").GetProperty("value");
        Assert.That(value.GetProperty("percentage").GetDecimal(), Is.EqualTo(0.15m));
        Assert.That(Shop.DiscountCodes.Single().Percentage, Is.EqualTo(0.15m));
    }

    [Test]
    public async Task AFreeShippingOfferBecomesAFreeShippingCodeOncePerCustomer()
    {
        await SetOfferAsync(FriendOfferType.FreeShipping, 0m);
        var code = await GiveCodeAsync(Shop.AddCustomer("alice@example.com"));

        await OutboxAsync();

        Assert.That(_fake.RequestsFor("discountCodeBasicCreate"), Is.Empty);
        var input = _fake.RequestsFor("discountCodeFreeShippingCreate").Single().Variables.GetProperty("freeShippingCodeDiscount");
        Assert.That(input.GetProperty("code").GetString(), Is.EqualTo(code));
        Assert.That(input.GetProperty("appliesOncePerCustomer").GetBoolean(), Is.True);
        Assert.That(input.GetProperty("destination").GetProperty("all").GetBoolean(), Is.True);
        Assert.That(input.GetProperty("context").GetProperty("customerSegments").GetProperty("add")[0].GetString(), Is.EqualTo(Shop.Segments.Single().Id));
        var discount = Shop.DiscountCodes.Single();
        Assert.That(discount.FreeShipping, Is.True);
        Assert.That((await _bridge.QueryAsync(db => db.Outbox.SingleAsync())).ExternalRef, Is.EqualTo(discount.Id));
    }

    [Test]
    public async Task ANonMonetaryOfferCreatesNoDiscountButStillMarksTheAdvocate()
    {
        await SetOfferAsync(FriendOfferType.NonMonetary, 0m);
        var customer = Shop.AddCustomer("alice@example.com");
        await GiveCodeAsync(customer);

        await OutboxAsync();

        Assert.That(_fake.RequestsFor("discountCodeBasicCreate"), Is.Empty);
        Assert.That(Shop.TagsOf(customer), Does.Contain("referrals-advocate"));
        Assert.That((await _bridge.QueryAsync(db => db.Outbox.SingleAsync())).ExternalRef, Is.EqualTo("no-discount:NonMonetary"));
    }

    [Test]
    public async Task ARetryAfterALostCommitFindsOurOwnCodeAndIsDone()
    {
        var customer = Shop.AddCustomer("alice@example.com");
        var code = await GiveCodeAsync(customer);
        await OutboxAsync();
        var message = await _bridge.QueryAsync(db => db.Outbox.SingleAsync());

        // The same message again, as after a crash between Shopify's answer and our commit.
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().OfType<AdvocateCodePublisher>().Single();
        var again = await handler.HandleAsync(message, db, CancellationToken.None);

        Assert.That(_fake.RequestsFor("discountCodeBasicCreate"), Has.Count.EqualTo(2), "the second create met TAKEN");
        Assert.That(_fake.RequestsFor("codeDiscountNodeByCode"), Has.Count.EqualTo(1), "TAKEN was checked against the code's owner");
        Assert.That(_fake.RequestsFor("segmentCreate"), Has.Count.EqualTo(1), "the segment was remembered");
        Assert.That(Shop.DiscountCodes.Select(d => d.Code), Is.EqualTo(new[] { code }));
        Assert.That(again, Is.EqualTo(message.ExternalRef));
    }

    [Test]
    public async Task ACodeTheMerchantAlreadyUsesIsDeadLetteredWithoutTaggingAnyone()
    {
        var customer = Shop.AddCustomer("alice@example.com");
        var code = await GiveCodeAsync(customer);
        Shop.AddDiscountCode(code, "Summer sale");

        var drained = await OutboxAsync();

        Assert.That(drained.DeadLettered, Is.EqualTo(1));
        Assert.That((await _bridge.QueryAsync(db => db.Outbox.SingleAsync())).LastError, Does.Contain("already exists").And.Contain("Summer sale"));
        Assert.That(Shop.TagsOf(customer), Is.Empty);
    }

    [Test]
    public async Task AnExistingCodeEnqueuesNothingMore()
    {
        var customer = Shop.AddCustomer("alice@example.com");
        var first = await GiveCodeAsync(customer);
        var again = await GiveCodeAsync(customer);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(await _bridge.QueryAsync(db => db.Outbox.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task AnAdvocateWithoutAShopifyCustomerGetsTheDiscountOnly()
    {
        await GiveCodeAsync(null);

        var drained = await OutboxAsync();

        Assert.That(drained.Succeeded, Is.EqualTo(1));
        Assert.That(_fake.Requests.Select(r => r.Operation), Is.EqualTo(new[] { "segmentCreate", "discountCodeBasicCreate" }));
    }

    [Test]
    public async Task TheFriendCode_AppliesToFirstTimeCustomersOnly()
    {
        var code = await GiveCodeAsync(Shop.AddCustomer("alice@example.com"));
        await OutboxAsync();
        var newcomer = Shop.AddCustomer("ben@example.com");
        var regular = Shop.AddCustomer("carol@example.com", numberOfOrders: 3);

        Assert.That(Shop.DiscountRefusal(code, newcomer), Is.Null);
        Assert.That(Shop.DiscountRefusal(code, regular), Does.Contain("customer segment"));
        Assert.That(Shop.DiscountCodes.Single().AppliesOncePerCustomer, Is.True);
    }

    [Test]
    public async Task TheSegmentIsCreatedOncePerShop_AndRemembered()
    {
        await GiveCodeAsync(Shop.AddCustomer("alice@example.com"));
        await OutboxAsync();
        await GiveCodeAsync(Shop.AddCustomer("dora@example.com"), "dora@example.com", "Dora");
        await OutboxAsync();

        Assert.That(_fake.RequestsFor("segmentCreate"), Has.Count.EqualTo(1));
        Assert.That(Shop.DiscountCodes, Has.Count.EqualTo(2));
        Assert.That(Shop.DiscountCodes.Select(d => d.CustomerSegmentIds!.Single()), Is.All.EqualTo(Shop.Segments.Single().Id));
        var remembered = await _bridge.QueryAsync(db => db.TenantReferences.SingleAsync());
        Assert.That((remembered.Name, remembered.Value), Is.EqualTo((FirstOrderSegment.ReferenceName, Shop.Segments.Single().Id)));
    }

    [Test]
    public async Task ASegmentMadeByAnAttemptWhoseAnswerWasLost_IsFoundByName()
    {
        var earlier = Shop.AddSegment(FirstOrderSegment.Name, FirstOrderSegment.Query);
        await GiveCodeAsync(Shop.AddCustomer("alice@example.com"));

        var drained = await OutboxAsync();

        Assert.That(drained.Succeeded, Is.EqualTo(1));
        Assert.That(_fake.RequestsFor("segments"), Has.Count.EqualTo(1));
        Assert.That(Shop.Segments, Has.Count.EqualTo(1));
        Assert.That(Shop.DiscountCodes.Single().CustomerSegmentIds, Is.EqualTo(new[] { earlier }));
    }

    [Test]
    public async Task ASegmentOfTheMerchantWithOurName_DeadLettersWithoutCreatingTheCode()
    {
        Shop.AddSegment(FirstOrderSegment.Name, "number_of_orders > 5");
        await GiveCodeAsync(Shop.AddCustomer("alice@example.com"));

        var drained = await OutboxAsync();

        Assert.That(drained.DeadLettered, Is.EqualTo(1));
        Assert.That((await _bridge.QueryAsync(db => db.Outbox.SingleAsync())).LastError, Does.Contain("not ours").And.Contain("Rename that segment"));
        Assert.That(Shop.DiscountCodes, Is.Empty);
    }

    [Test]
    public async Task ARefusedSegment_IsSurfacedAndDeadLettered()
    {
        _fake.FailNext(FakeFault.UserErrors, operation: "segmentCreate");
        await GiveCodeAsync(Shop.AddCustomer("alice@example.com"));

        var drained = await OutboxAsync();

        Assert.That(drained.DeadLettered, Is.EqualTo(1));
        Assert.That((await _bridge.QueryAsync(db => db.Outbox.SingleAsync())).LastError, Does.Contain("first-order customer segment").And.Contain("Injected failure"));
        Assert.That(Shop.DiscountCodes, Is.Empty);
    }

    private async Task<string> GiveCodeAsync(string? customerId, string email = "alice@example.com", string firstName = "Alice")
    {
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var advocate = await scope.ServiceProvider.GetRequiredService<ContactDirectory>()
            .UpsertAsync(db, _tenant.Id, new CustomerInfo { Email = email, FirstName = firstName, ExternalId = customerId }, ContactKind.Client, CancellationToken.None);
        var code = await scope.ServiceProvider.GetRequiredService<AdvocateCodes>().GetOrCreateAsync(db, advocate, CancellationToken.None);
        await db.SaveChangesAsync();
        return code.Display;
    }

    private async Task SetOfferAsync(FriendOfferType type, decimal value)
    {
        await using var scope = _bridge.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Id == _tenant.Id);
        var settings = tenant.Settings;
        settings.FriendOffer = new FriendOffer { Type = type, Value = value, Description = type == FriendOfferType.NonMonetary ? "a free tasting" : null };
        await TenantDirectory.UpdateSettingsAsync(db, tenant, settings, CancellationToken.None);
    }

    private Task<DrainResult> OutboxAsync() => _bridge.Services.GetRequiredService<OutboxProcessor>().RunAsync();
}
