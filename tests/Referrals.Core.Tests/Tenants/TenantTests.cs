using Referrals.Core.Tenants;

namespace Referrals.Core.Tests.Tenants;

public sealed class TenantTests
{
    private static readonly DateTimeOffset _createdAt = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _uninstalledAt = new(2026, 11, 2, 14, 30, 0, TimeSpan.Zero);

    private static Tenant Shop() => new("anna-bakes.myshopify.com", TenantKind.ShopifyShop, "Anna Bakes", _createdAt);

    [Test]
    public void Constructor_StartsAnActiveTenant_WithTheGivenDetails()
    {
        var tenant = Shop();

        Assert.That(tenant.State, Is.EqualTo(TenantState.Active));
        Assert.That(tenant.Kind, Is.EqualTo(TenantKind.ShopifyShop));
        Assert.That(tenant.DisplayName, Is.EqualTo("Anna Bakes"));
        Assert.That(tenant.CreatedAt, Is.EqualTo(_createdAt));
        Assert.That(tenant.UninstalledAt, Is.Null);
        Assert.That(tenant.Id, Is.Not.EqualTo(Guid.Empty));
    }

    [TestCase("Anna-Bakes.MyShopify.com", "anna-bakes.myshopify.com")]
    [TestCase("  anna-bakes.myshopify.com\t", "anna-bakes.myshopify.com")]
    [TestCase(" SITE-KEY-1 ", "site-key-1")]
    public void Constructor_LowerCasesAndTrimsTheKey_WhenTheHostGivesItMixedOrPadded(string key, string expected) =>
        Assert.That(new Tenant(key, TenantKind.UmbracoSite, "Site", _createdAt).Key, Is.EqualTo(expected));

    [TestCase("")]
    [TestCase("  ")]
    public void Constructor_Throws_WhenTheKeyIsBlank(string key) =>
        Assert.That(() => new Tenant(key, TenantKind.UmbracoSite, "Site", _createdAt), Throws.ArgumentException);

    [TestCase("")]
    [TestCase("  ")]
    public void Constructor_Throws_WhenTheDisplayNameIsBlank(string displayName) =>
        Assert.That(() => new Tenant("site", TenantKind.UmbracoSite, displayName, _createdAt), Throws.ArgumentException);

    [Test]
    public void Constructor_GivesTheTenantValidDefaultSettings()
    {
        var tenant = Shop();

        Assert.That(ProgramSettingsValidator.Validate(tenant.Settings), Is.Empty);
    }

    [Test]
    public void MarkUninstalled_StopsTheTenant_WhenItIsActive()
    {
        var tenant = Shop();

        tenant.MarkUninstalled(_uninstalledAt);

        Assert.That(tenant.State, Is.EqualTo(TenantState.Uninstalled));
        Assert.That(tenant.UninstalledAt, Is.EqualTo(_uninstalledAt));
    }

    [Test]
    public void MarkUninstalled_KeepsTheFirstTime_WhenCalledAgain()
    {
        var tenant = Shop();
        tenant.MarkUninstalled(_uninstalledAt);

        tenant.MarkUninstalled(_uninstalledAt.AddHours(3));

        Assert.That(tenant.State, Is.EqualTo(TenantState.Uninstalled));
        Assert.That(tenant.UninstalledAt, Is.EqualTo(_uninstalledAt));
    }

    [Test]
    public void MarkReinstalled_ResumesTheTenantAndClearsTheUninstallTime_WhenItWasUninstalled()
    {
        var tenant = Shop();
        tenant.MarkUninstalled(_uninstalledAt);

        tenant.MarkReinstalled();

        Assert.That(tenant.State, Is.EqualTo(TenantState.Active));
        Assert.That(tenant.UninstalledAt, Is.Null);
    }

    [Test]
    public void MarkUninstalled_RecordsTheNewTime_WhenUninstalledAgainAfterAReinstall()
    {
        var tenant = Shop();
        tenant.MarkUninstalled(_uninstalledAt);
        tenant.MarkReinstalled();

        tenant.MarkUninstalled(_uninstalledAt.AddDays(7));

        Assert.That(tenant.UninstalledAt, Is.EqualTo(_uninstalledAt.AddDays(7)));
    }

    [Test]
    public void MarkReinstalled_KeepsTheTenantActive_WhenItWasNeverUninstalled()
    {
        var tenant = Shop();

        tenant.MarkReinstalled();

        Assert.That(tenant.State, Is.EqualTo(TenantState.Active));
        Assert.That(tenant.UninstalledAt, Is.Null);
    }
}
