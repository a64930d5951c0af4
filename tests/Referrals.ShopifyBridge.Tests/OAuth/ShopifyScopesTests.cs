using Referrals.ShopifyBridge.OAuth;

namespace Referrals.ShopifyBridge.Tests.OAuth;

public sealed class ShopifyScopesTests
{
    [Test]
    public void Missing_CountsAWriteScopeAsItsReadScope()
    {
        Assert.That(ShopifyScopes.Missing(["read_customers", "read_orders"], ["write_customers", "read_orders"]), Is.Empty);
    }

    [Test]
    public void Missing_DoesNotCountAReadScopeAsItsWriteScope()
    {
        Assert.That(ShopifyScopes.Missing(["write_customers", "read_orders"], ["read_customers", "read_orders"]), Is.EqualTo(new[] { "write_customers" }));
    }

    [Test]
    public void Parse_IgnoresSpacesAndEmptyEntries()
    {
        Assert.That(ShopifyScopes.Parse(" read_orders, ,write_customers "), Is.EqualTo(new[] { "read_orders", "write_customers" }));
    }
}
