using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Testing.Databases;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class ContactDirectoryTests
{
    private readonly StorageProvider _provider;
    private EngineHarness _engine = null!;

    public ContactDirectoryTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp() => _engine = await EngineHarness.CreateAsync(_provider);

    [TearDown]
    public async Task TearDown() => await _engine.DisposeAsync();

    [Test]
    public async Task Upsert_UpdatesNameAndEmail_WhenTheHostSendsNewValuesForTheSameCustomerId()
    {
        var tenant = await _engine.CreateTenantAsync();
        await UpsertAsync(tenant.Id, new CustomerInfo { ExternalId = "gid://shopify/Customer/1", Email = "old@example.com", FirstName = "Ann" });

        await UpsertAsync(tenant.Id, new CustomerInfo { ExternalId = "gid://shopify/Customer/1", Email = "New.Address@Example.com", FirstName = "Anna", LastName = null });

        await _engine.RunAsync(async (db, _) =>
        {
            var contact = await db.Contacts.SingleAsync();
            Assert.That((contact.Email, contact.NormalizedEmail, contact.FirstName), Is.EqualTo(("New.Address@Example.com", "new.address@example.com", "Anna")));
            Assert.That(await db.ContactExternalIds.CountAsync(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Upsert_KeepsKnownValues_WhenTheHostSendsBlanks()
    {
        var tenant = await _engine.CreateTenantAsync();
        await UpsertAsync(tenant.Id, new CustomerInfo { ExternalId = "gid://shopify/Customer/1", Email = "ann@example.com", FirstName = "Ann", Phone = "+45 12 34 56 78" });

        await UpsertAsync(tenant.Id, new CustomerInfo { ExternalId = "gid://shopify/Customer/1", Email = null, FirstName = " " });

        await _engine.RunAsync(async (db, _) =>
        {
            var contact = await db.Contacts.SingleAsync();
            Assert.That((contact.NormalizedEmail, contact.FirstName, contact.NormalizedPhone), Is.EqualTo(("ann@example.com", "Ann", "+4512345678")));
        });
    }

    [Test]
    public async Task Upsert_WithdrawsConsent_WhenTheHostSaysNo_AndKeepsIt_WhenTheHostDoesNotSay()
    {
        var tenant = await _engine.CreateTenantAsync();
        var id = "gid://shopify/Customer/1";
        await UpsertAsync(tenant.Id, new CustomerInfo { ExternalId = id, Email = "ann@example.com", AcceptsMarketing = true });
        await UpsertAsync(tenant.Id, new CustomerInfo { ExternalId = id, Email = "ann@example.com" });
        var kept = await _engine.RunAsync((db, _) => db.Contacts.Select(c => c.MarketingConsent).SingleAsync());

        await UpsertAsync(tenant.Id, new CustomerInfo { ExternalId = id, Email = "ann@example.com", AcceptsMarketing = false });

        var withdrawn = await _engine.RunAsync((db, _) => db.Contacts.Select(c => c.MarketingConsent).SingleAsync());
        Assert.That((kept, withdrawn), Is.EqualTo((true, false)));
    }

    private Task UpsertAsync(Guid tenantId, CustomerInfo customer) => _engine.RunAsync(async (db, sp) =>
    {
        await sp.GetRequiredService<ContactDirectory>().UpsertAsync(db, tenantId, customer, ContactKind.Client, CancellationToken.None);
        await db.SaveChangesAsync();
    });
}
