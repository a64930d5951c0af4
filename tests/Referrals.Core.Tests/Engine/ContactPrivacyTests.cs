using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Privacy;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;
using Referrals.Testing.Privacy;

namespace Referrals.Core.Tests.Engine;

/// <summary>
/// Export and erasure of one contact against a realistic history built through the engine: Zelda was named by Anna,
/// bought with Anna's code (through the inbox), got her own code, which Bo and Cy used (Cy on Zelda's device, so it
/// was reviewed with a note naming her), part of her order was refunded, rewards matured and were paid out.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class ContactPrivacyTests
{
    private const string ZeldaEmail = "Zelda.Quist+shop@Gmail.com";
    private const string ZeldaGid = "gid://shopify/Customer/777000111222";
    private const string ZeldaPhone = "+45 20 12 34 56";
    private const string ZeldaStreet = "Nørregade 7";
    private const string SharedIp = "203.0.113.77";
    private const string SharedAgent = "Mozilla/5.0 (X11; Linux x86_64)";

    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;
    private Contact _anna = null!;
    private Contact _zelda = null!;
    private ReferralCode _zeldaCode = null!;
    private long _waitingInboxId;

    public ContactPrivacyTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    private ContactPrivacy Privacy => _engine.Services.GetRequiredService<ContactPrivacy>();

    [SetUp]
    public async Task SetUp()
    {
        _engine = await EngineHarness.CreateAsync(_provider, services: s => s.AddSingleton<IInboxHandler, JsonOrderInboxHandler>());
        _tenant = await _engine.CreateTenantAsync(configure: s => s.HoldDays = 30);
        (_anna, var annaCode) = await _engine.CreateAdvocateAsync(_tenant, "anna@example.com", "Anna");
        await _engine.RunAsync(async (db, sp) => await sp.GetRequiredService<ReferralInvitations>()
            .InviteAsync(db, await db.Tenants.SingleAsync(t => t.Id == _tenant.Id), await db.Contacts.SingleAsync(c => c.Id == _anna.Id), "Zelda Quist", ZeldaEmail, CancellationToken.None));

        await DeliverAsync("z-1", Order("2001", ZeldaEmail, ZeldaGid, "Zelda", "Quist", 120m, annaCode.Display) with
        {
            Phone = ZeldaPhone, Street = ZeldaStreet, City = "København", Zip = "1165", Country = "DK", BrowserIp = SharedIp, UserAgent = SharedAgent,
        });
        Assert.That((await DrainAsync()).Succeeded, Is.EqualTo(1), "set-up: Zelda's order");
        _zelda = await _engine.RunAsync((db, _) => db.Contacts.SingleAsync(c => c.NormalizedEmail == EmailNormalizer.Normalize(ZeldaEmail)));
        _zeldaCode = await _engine.RunAsync(async (db, sp) =>
        {
            var code = await sp.GetRequiredService<AdvocateCodes>().GetOrCreateAsync(db, await db.Contacts.SingleAsync(c => c.Id == _zelda.Id), CancellationToken.None);
            await db.SaveChangesAsync();
            return code;
        });

        await DeliverAsync("b-1", Order("3001", "bo@example.com", "gid://shopify/Customer/500", "Bo", "Berg", 80m, _zeldaCode.Display));
        await DeliverAsync("c-1", Order("3002", "cy@example.com", "gid://shopify/Customer/501", "Cy", "Dahl", 60m, _zeldaCode.Display) with
        {
            BrowserIp = SharedIp, UserAgent = SharedAgent,
        });
        Assert.That((await DrainAsync()).Succeeded, Is.EqualTo(2), "set-up: Bo's and Cy's orders");

        await _engine.RunAsync(async (db, sp) =>
        {
            var item = await db.ReviewItems.SingleAsync();
            await sp.GetRequiredService<ReviewQueue>().DecideAsync(db, _tenant.Id, item.Id, approve: true, "editor@acme.test",
                "Called Zelda Quist: Cy is her flatmate.", CancellationToken.None);
        });
        await _engine.RefundAsync(_tenant, new OrderRefunded("2001", "r-1", new Money(20m, "EUR"), Now));
        _engine.Clock.Advance(TimeSpan.FromDays(31));
        await _engine.RunAsync((_, sp) => sp.GetRequiredService<MatureRewardsJob>().RunAsync(CancellationToken.None));
        await _engine.Services.GetRequiredService<OutboxProcessor>().RunAsync();

        // An outbox error quoting her address, as a mail server's rejection would, and a webhook still waiting.
        await _engine.RunAsync(async (db, _) =>
        {
            (await db.Outbox.OrderBy(m => m.Id).FirstAsync()).LastError = $"550 5.1.1 <{ZeldaEmail.ToUpperInvariant()}>: mailbox unavailable";
            await db.SaveChangesAsync();
        });
        await _engine.Services.GetRequiredService<InboxStore>().TryAddAsync(new InboxMessage(JsonOrderInboxHandler.TestSource, "z-2", null, "customers/update",
            _tenant.Key, System.Text.Encoding.UTF8.GetBytes($$"""{"email":"{{ZeldaEmail}}","first_name":"Zelda","phone":"{{ZeldaPhone}}"}"""), Now));
        _waitingInboxId = await _engine.RunAsync((db, _) => db.Inbox.Where(m => m.DeliveryId == "z-2").Select(m => m.Id).SingleAsync());
    }

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    private static JsonOrderInboxHandler.Body Order(string id, string email, string gid, string first, string last, decimal total, string code) => new()
    {
        Id = id, Email = email, CustomerId = gid, FirstName = first, LastName = last, Total = total, At = EngineHarness.Start, Codes = [code],
    };

    private async Task DeliverAsync(string deliveryId, JsonOrderInboxHandler.Body body)
    {
        var added = await _engine.Services.GetRequiredService<InboxStore>().TryAddAsync(new InboxMessage(JsonOrderInboxHandler.TestSource, deliveryId, null,
            JsonOrderInboxHandler.OrdersPaid, _tenant.Key, JsonOrderInboxHandler.Serialize(body with { At = Now }), Now));
        Assert.That(added, Is.True);
    }

    private Task<DrainResult> DrainAsync() => _engine.Services.GetRequiredService<InboxProcessor>().RunAsync();

    private Task<RedactionResult> RedactZeldaAsync() =>
        _engine.RunAsync((db, _) => Privacy.RedactAsync(db, _tenant.Id, [_zelda.Id], new RedactionRequest("editor@acme.test", "privacy.redact", "request-42"), CancellationToken.None));

    private string[] ZeldaNeedles() =>
    [
        ZeldaEmail, EmailNormalizer.Normalize(ZeldaEmail)!, "Zelda", "Quist", ZeldaPhone, _zelda.NormalizedPhone!, ZeldaStreet, ZeldaGid, "777000111222",
    ];

    private Task<IReadOnlyList<StoredText>> StoredTextAsync() => _engine.RunAsync((db, _) => DatabaseTextScanner.ReadAllAsync(db));

    private Task<Figures> FiguresAsync() => _engine.RunAsync(async (db, _) => new Figures(
        await db.Orders.CountAsync(),
        await db.Orders.SumAsync(o => o.Total),
        await db.Orders.SumAsync(o => o.RefundedAmount),
        await db.Ledger.CountAsync(),
        await db.Ledger.SumAsync(e => e.Amount),
        await db.Referrals.CountAsync(),
        await db.Contacts.Where(c => c.Id == _zelda.Id).Select(c => new { c.OrdersCount, c.TotalSpent }).SingleAsync() is var z ? $"{z.OrdersCount}/{z.TotalSpent}" : ""));

    private sealed record Figures(int Orders, decimal Total, decimal Refunded, int LedgerEntries, decimal LedgerSum, int Referrals, string ZeldaStats);

    [Test]
    public async Task SetUp_StoresZeldasDataInManyTables_SoTheScanCanFail()
    {
        var stored = await StoredTextAsync();

        var tablesNamingHer = stored.Where(v => ZeldaNeedles().Any(n => v.Value.Contains(n, StringComparison.OrdinalIgnoreCase))).Select(v => v.Table).Distinct().ToList();
        Assert.That(tablesNamingHer, Is.SupersetOf(new[] { "Contacts", "ContactExternalIds", "ReferralCodes", "Referrals", "InboxMessages", "OutboxMessages", "AuditLog", "ReviewItems" }));
        Assert.That(stored.Any(v => v.Value.Contains(ZeldaStreet, StringComparison.Ordinal)), Is.True, "the street is in her contact row and her order's body");
    }

    [Test]
    public async Task Redact_LeavesNoTraceOfTheContactInAnyTextOrBlobColumn()
    {
        await RedactZeldaAsync();

        var stored = await StoredTextAsync();
        var found = stored.Where(v => ZeldaNeedles().Any(n => v.Value.Contains(n, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.That(found, Is.Empty);
        Assert.That(stored, Is.Not.Empty);
    }

    [Test]
    public async Task Redact_ErasesEveryPersonalFieldOfTheContact_AndMarksItRedacted()
    {
        await RedactZeldaAsync();

        var zelda = await _engine.RunAsync((db, _) => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == _zelda.Id));
        Assert.That(new[] { zelda.FirstName, zelda.LastName, zelda.Email, zelda.NormalizedEmail, zelda.Phone, zelda.NormalizedPhone, zelda.PostalAddress,
            zelda.AddressFingerprint, zelda.LastIpAddress, zelda.LastUserAgent }, Is.All.Null);
        Assert.That(zelda.RedactedAt, Is.EqualTo(Now));
        Assert.That(zelda.MarketingConsent, Is.False);
        Assert.That(await _engine.RunAsync((db, _) => db.ReferralCodes.AnyAsync(c => c.AdvocateContactId == _zelda.Id)), Is.False, "her code carried her name");
        Assert.That(await _engine.RunAsync((db, _) => db.ContactExternalIds.AnyAsync(x => x.ContactId == _zelda.Id)), Is.False);
    }

    [Test]
    public async Task Redact_KeepsAnonymousFigures()
    {
        var before = await FiguresAsync();

        await RedactZeldaAsync();

        Assert.That(await FiguresAsync(), Is.EqualTo(before));
        Assert.That(before.Orders, Is.EqualTo(3));
        Assert.That(before.LedgerEntries, Is.GreaterThan(0));
    }

    [Test]
    public async Task Redact_LeavesOtherPeoplesDataIntact()
    {
        var othersBefore = await OthersAsync();
        var annasCodeBefore = await _engine.RunAsync((db, _) => db.ReferralCodes.Where(c => c.AdvocateContactId == _anna.Id).Select(c => c.Display).SingleAsync());

        await RedactZeldaAsync();

        Assert.That(await OthersAsync(), Is.EqualTo(othersBefore));
        Assert.That(othersBefore, Has.Count.EqualTo(3));
        Assert.That(await _engine.RunAsync((db, _) => db.ReferralCodes.Where(c => c.AdvocateContactId == _anna.Id).Select(c => c.Display).SingleAsync()),
            Is.EqualTo(annasCodeBefore));
        Assert.That(await _engine.RunAsync((db, _) => db.ContactExternalIds.CountAsync(x => x.ContactId != _zelda.Id)), Is.EqualTo(2), "Bo's and Cy's customer ids");
    }

    private Task<List<string>> OthersAsync() => _engine.RunAsync((db, _) => db.Contacts.AsNoTracking().Where(c => c.Id != _zelda.Id).OrderBy(c => c.Email)
        .Select(c => c.Email + "|" + c.NormalizedEmail + "|" + c.FirstName + "|" + c.LastName + "|" + c.LastIpAddress + "|" + (c.RedactedAt == null ? "live" : "erased"))
        .ToListAsync());

    [Test]
    public async Task Redact_EmptiesHandledWebhookBodiesAboutTheContact_AndSettlesWaitingOnes()
    {
        await RedactZeldaAsync();

        var inbox = await _engine.RunAsync((db, _) => db.Inbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.That(inbox.Where(m => m.DeliveryId is "z-1" or "b-1" or "c-1" or "z-2").Select(m => m.Payload.Length), Is.All.Zero,
            "her order, the orders with her code, and the waiting update");
        var waiting = inbox.Single(m => m.Id == _waitingInboxId);
        Assert.That(waiting.ProcessedAt, Is.EqualTo(Now));
        Assert.That(waiting.LastError, Is.EqualTo(RedactionMarkers.SettledUnhandled));
        Assert.That((await DrainAsync()).Claimed, Is.Zero, "nothing is left to handle, so nothing brings her back");
        Assert.That(await _engine.RunAsync((db, _) => db.Contacts.CountAsync()), Is.EqualTo(4));
    }

    [Test]
    public async Task Redact_MakesTheContactsScheduledAsksSkip()
    {
        await RedactZeldaAsync();
        await _engine.RunAsync((db, sp) => sp.GetRequiredService<AskDispatcher>().DispatchDueAsync(db, 100, CancellationToken.None));

        var asks = await _engine.RunAsync((db, _) => db.Asks.Where(a => a.ContactId == _zelda.Id).ToListAsync());
        Assert.That(asks, Is.Not.Empty);
        Assert.That(asks.Select(a => a.SkipReason), Is.All.EqualTo(AskSkipReason.ContactRedacted));
    }

    [Test]
    public async Task Redact_IsIdempotent_AndAuditsEachRunWithCountsOnly()
    {
        var first = await RedactZeldaAsync();
        var second = await RedactZeldaAsync();

        Assert.That(first.ContactsErased, Is.EqualTo(1));
        Assert.That(first.RowsByTable.Keys, Is.SupersetOf(new[] { "Contacts", "ContactExternalIds", "ReferralCodes", "Referrals", "InboxMessages", "OutboxMessages", "AuditLog" }));
        Assert.That(second.ContactsErased, Is.Zero);
        Assert.That(second.TotalRows, Is.Zero);
        var audit = await _engine.RunAsync((db, _) => db.AuditLog.Where(a => a.Action == "privacy.redact").OrderBy(a => a.Id).ToListAsync());
        Assert.That(audit, Has.Count.EqualTo(2));
        Assert.That(audit[0].Actor, Is.EqualTo("editor@acme.test"));
        Assert.That(audit[0].Subject, Is.EqualTo("request-42"));
        Assert.That(audit[0].At, Is.EqualTo(Now));
        Assert.That(audit[0].Details, Does.StartWith("1 contact(s) erased, 4 stored webhook body(ies) emptied"));
        Assert.That(audit[1].Details, Does.StartWith("0 contact(s) erased, 0 stored webhook body(ies) emptied, 0 row(s) changed"));
    }

    [Test]
    public async Task Redact_ScrubsFreeTextNamingTheContact_AndKeepsTheRestOfTheAuditTrail()
    {
        await RedactZeldaAsync();

        var review = await _engine.RunAsync((db, _) => db.AuditLog.SingleAsync(a => a.Action == "review.approve"));
        Assert.That(review.Details, Is.EqualTo(RedactionMarkers.Text));
        Assert.That(review.Actor, Is.EqualTo("editor@acme.test"));
        Assert.That(await _engine.RunAsync((db, _) => db.Outbox.CountAsync(m => m.LastError != null)), Is.Zero);
    }

    [Test]
    public async Task RedactTenant_LeavesNoTraceOfAnyoneInTheTenant()
    {
        var before = await FiguresAsync();

        var result = await _engine.RunAsync((db, _) => Privacy.RedactTenantAsync(db, _tenant.Id, new RedactionRequest("shopify", "privacy.shop-redact", _tenant.Key), CancellationToken.None));

        Assert.That(result.ContactsErased, Is.EqualTo(4));
        var needles = ZeldaNeedles().Concat(["anna@example.com", "bo@example.com", "cy@example.com", "Berg", "Dahl"]).ToList();
        Assert.That((await StoredTextAsync()).Where(v => needles.Any(n => v.Value.Contains(n, StringComparison.OrdinalIgnoreCase))), Is.Empty);
        Assert.That(await FiguresAsync(), Is.EqualTo(before with { ZeldaStats = before.ZeldaStats }));
    }

    [Test]
    public async Task Export_HoldsEverythingStoredAboutTheContact_AsDocumentedJson()
    {
        var export = await _engine.RunAsync((db, _) => Privacy.ExportAsync(db, _tenant.Id, _zelda.Id, CancellationToken.None));
        using var json = JsonDocument.Parse(ContactExportJson.Serialize(export!));
        var root = json.RootElement;

        Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("referrals.contact-export/1"));
        Assert.That(root.GetProperty("exportedAt").GetString(), Is.EqualTo("2026-12-03T09:00:00.0000000Z"));
        Assert.That(root.GetProperty("tenant").GetString(), Is.EqualTo(_tenant.Key));
        var contact = root.GetProperty("contact");
        Assert.That(contact.GetProperty("email").GetString(), Is.EqualTo(ZeldaEmail));
        Assert.That(contact.GetProperty("normalizedEmail").GetString(), Is.EqualTo("zeldaquist@gmail.com"));
        Assert.That(contact.GetProperty("firstName").GetString(), Is.EqualTo("Zelda"));
        Assert.That(contact.GetProperty("phone").GetString(), Is.EqualTo(ZeldaPhone));
        Assert.That(contact.GetProperty("postalAddress").GetString(), Does.Contain(ZeldaStreet));
        Assert.That(contact.GetProperty("kind").GetString(), Is.EqualTo("Client"));
        Assert.That(contact.GetProperty("ordersCount").GetInt32(), Is.EqualTo(1));
        Assert.That(contact.GetProperty("redactedAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("externalIds")[0].GetProperty("value").GetString(), Is.EqualTo(ZeldaGid));
        Assert.That(root.GetProperty("codes")[0].GetProperty("code").GetString(), Is.EqualTo(_zeldaCode.Display));

        var asAdvocate = root.GetProperty("referralsAsAdvocate").EnumerateArray().ToList();
        Assert.That(asAdvocate.Select(r => r.GetProperty("convertingOrderId").GetString()), Is.EquivalentTo(new[] { "3001", "3002" }));
        Assert.That(asAdvocate.Select(r => r.GetProperty("revenue").GetProperty("amount").GetDecimal()), Is.EquivalentTo(new[] { 80m, 60m }));
        var asFriend = root.GetProperty("referralsAsFriend").EnumerateArray().ToList();
        Assert.That(asFriend.Select(r => r.GetProperty("advocateContactId").GetGuid()), Is.All.EqualTo(_anna.Id));
        Assert.That(asFriend.Any(r => r.GetProperty("friendName").GetString() == "Zelda Quist"), Is.True, "Anna named her");

        var order = root.GetProperty("orders").EnumerateArray().Single();
        Assert.That(order.GetProperty("orderId").GetString(), Is.EqualTo("2001"));
        Assert.That(order.GetProperty("total").GetProperty("amount").GetDecimal(), Is.EqualTo(120m));
        Assert.That(order.GetProperty("total").GetProperty("currency").GetString(), Is.EqualTo("EUR"));
        Assert.That(order.GetProperty("refunded").GetProperty("amount").GetDecimal(), Is.EqualTo(20m));
        Assert.That(order.GetProperty("paidAt").GetString(), Is.EqualTo("2026-11-02T09:00:00.0000000Z"));
        Assert.That(order.GetProperty("refunds")[0].GetProperty("refundId").GetString(), Is.EqualTo("r-1"));

        var ledger = root.GetProperty("ledger").EnumerateArray().ToList();
        Assert.That(ledger.Where(e => e.GetProperty("beneficiary").GetString() == "Advocate").Select(e => e.GetProperty("orderId").GetString()),
            Is.SupersetOf(new[] { "3001", "3002" }));
        Assert.That(ledger.Select(e => e.GetProperty("amount").GetProperty("currency").GetString()), Is.All.EqualTo("EUR"));
        Assert.That(root.GetProperty("asks").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("asks")[0].GetProperty("trigger").GetString(), Is.EqualTo("Purchase"));
        Assert.That(root.GetProperty("reviewItems")[0].GetProperty("note").GetString(), Does.Contain("flatmate"));
        Assert.That(root.GetProperty("auditEntries").EnumerateArray().Select(a => a.GetProperty("action").GetString()), Does.Contain("review.approve"));

        var messages = root.GetProperty("messages").EnumerateArray().ToList();
        var ownOrder = messages.Single(m => m.GetProperty("direction").GetString() == "inbox" && m.GetProperty("payload").TryGetProperty("id", out var id) && id.GetString() == "2001");
        Assert.That(ownOrder.GetProperty("payload").GetProperty("email").GetString(), Is.EqualTo(ZeldaEmail));
        Assert.That(ownOrder.GetProperty("type").GetString(), Is.EqualTo("test orders/paid"));
        Assert.That(messages.Count(m => m.GetProperty("direction").GetString() == "inbox"), Is.EqualTo(4), "her order, two orders with her code, the waiting update");
        Assert.That(messages.Any(m => m.GetProperty("direction").GetString() == "outbox"), Is.True, "her payouts");
    }

    [Test]
    public async Task Export_ShowsOnlyAnonymousFigures_AfterRedaction()
    {
        await RedactZeldaAsync();

        var export = (await _engine.RunAsync((db, _) => Privacy.ExportAsync(db, _tenant.Id, _zelda.Id, CancellationToken.None)))!;

        Assert.That(export.Contact.Email, Is.Null);
        Assert.That(export.Contact.RedactedAt, Is.EqualTo(Now));
        Assert.That(export.Contact.OrdersCount, Is.EqualTo(1));
        Assert.That(export.ExternalIds, Is.Empty);
        Assert.That(export.Orders.Single().Total, Is.EqualTo(new ExportedMoney(120m, "EUR")));
        Assert.That(export.Messages.Where(m => m.Direction == "inbox"), Is.Empty);
    }

    [Test]
    public async Task Export_ReturnsNull_WhenTheContactIsNotTheTenants()
    {
        var other = await _engine.CreateTenantAsync("globex.myshopify.com");

        Assert.That(await _engine.RunAsync((db, _) => Privacy.ExportAsync(db, other.Id, _zelda.Id, CancellationToken.None)), Is.Null);
    }

    [Test]
    public async Task Matching_FindsTheContactByExternalIdOrNormalizedEmail_NotByAnotherTenant()
    {
        var other = await _engine.CreateTenantAsync("globex.myshopify.com");

        Assert.That(await _engine.RunAsync((db, _) => ContactPrivacy.Matching(db, _tenant.Id, ContactExternalId.Shopify, ZeldaGid, null).Select(c => c.Id).ToListAsync()),
            Is.EqualTo(new[] { _zelda.Id }));
        Assert.That(await _engine.RunAsync((db, _) => ContactPrivacy.Matching(db, _tenant.Id, null, null, "zeldaquist@gmail.com").Select(c => c.Id).ToListAsync()),
            Is.EqualTo(new[] { _zelda.Id }));
        Assert.That(await _engine.RunAsync((db, _) => ContactPrivacy.Matching(db, other.Id, ContactExternalId.Shopify, ZeldaGid, "zeldaquist@gmail.com").CountAsync()),
            Is.Zero);
    }
}
