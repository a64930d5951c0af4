namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// A mutation that is not safe to repeat (store credit) met a time-out, a dropped connection or a 5xx, so Shopify may
/// or may not have applied it. The client does not retry it: read the state (the account's transactions) before trying
/// again, or the customer may be paid twice.
/// </summary>
public sealed class ShopifyOutcomeUnknownException : ShopifyAdminApiException
{
    /// <summary>Creates the exception.</summary>
    public ShopifyOutcomeUnknownException(string shopDomain, string operationName, string failure, Exception? innerException = null)
        : base(shopDomain, operationName, $"Shopify Admin API call {operationName} for {shopDomain} may or may not have been applied ({failure}). Read the current state before retrying it.", innerException)
    {
        Failure = failure;
    }

    /// <summary>What happened, for example <c>timed out after 00:00:30</c> or <c>HTTP 502</c>.</summary>
    public string Failure { get; }
}
