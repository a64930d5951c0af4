namespace Referrals.ShopifyBridge.Merchants;

/// <summary>
/// Who may open the bridge's pages. A merchant signs in by installing or reconnecting the app (the OAuth callback
/// issues a cookie with the <see cref="ShopClaim"/>); the operator of a self-hosted bridge signs in at
/// <see cref="LoginPath"/> with the password whose hash is <c>Referrals:Shopify:OperatorPasswordHash</c>.
/// </summary>
public static class MerchantAuthorization
{
    /// <summary>The cookie authentication scheme.</summary>
    public const string Scheme = "Referrals.Merchant";

    /// <summary>The policy of every merchant page: a signed-in merchant (with a shop) or the operator.</summary>
    public const string PolicyName = "Referrals.Merchant";

    /// <summary>The policy of operator-only pages, such as connecting a custom app.</summary>
    public const string OperatorPolicyName = "Referrals.Operator";

    /// <summary>The claim holding the merchant's shop domain.</summary>
    public const string ShopClaim = "referrals:shop";

    /// <summary>The role of the bridge's operator.</summary>
    public const string OperatorRole = "referrals-operator";

    /// <summary>Where anonymous visitors of a protected page are sent.</summary>
    public const string LoginPath = "/login";

    /// <summary>Signs out (POST).</summary>
    public const string LogoutPath = "/logout";

    /// <summary>The cookie's name.</summary>
    public const string CookieName = "referrals_merchant";
}
