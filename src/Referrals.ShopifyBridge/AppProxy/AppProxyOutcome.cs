namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>What <see cref="AppProxySignatureVerifier"/> made of a proxied request.</summary>
public enum AppProxyOutcome
{
    /// <summary>Signed by Shopify with the current or previous client secret, recently, for a valid shop.</summary>
    Valid = 0,

    /// <summary><c>signature</c>, <c>shop</c> or <c>timestamp</c> is missing.</summary>
    Missing = 1,

    /// <summary>A security parameter (<c>signature</c>, <c>shop</c>, <c>timestamp</c>, <c>logged_in_customer_id</c>, <c>path_prefix</c>) appears more than once.</summary>
    Duplicated = 2,

    /// <summary>The signature is not 64 hex digits, the timestamp not a number, the shop not a shop domain, or the query not decodable.</summary>
    Malformed = 3,

    /// <summary>No secret's signature matches.</summary>
    Mismatch = 4,

    /// <summary>Genuine, but the timestamp is outside the tolerance (a replayed or delayed request).</summary>
    Stale = 5,
}
