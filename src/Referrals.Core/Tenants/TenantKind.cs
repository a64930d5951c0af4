namespace Referrals.Core.Tenants;

/// <summary>What kind of program owner a tenant is.</summary>
public enum TenantKind
{
    /// <summary>An Umbraco site running the Referrals package.</summary>
    UmbracoSite = 0,

    /// <summary>A Shopify shop (<c>*.myshopify.com</c>) connected through the bridge.</summary>
    ShopifyShop = 1,
}
