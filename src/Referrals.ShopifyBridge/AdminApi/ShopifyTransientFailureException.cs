namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// Shopify kept failing in ways that usually pass (THROTTLED, 429, 5xx, time-outs) and the client gave up after
/// <see cref="Attempts"/> attempts. Nothing was applied (or the operation is safe to repeat): retry later, for example
/// from the outbox.
/// </summary>
public sealed class ShopifyTransientFailureException : ShopifyAdminApiException
{
    /// <summary>Creates the exception.</summary>
    public ShopifyTransientFailureException(string shopDomain, string operationName, int attempts, string lastFailure, Exception? innerException = null)
        : base(shopDomain, operationName, $"Shopify Admin API call {operationName} for {shopDomain} failed after {attempts} attempt(s); last failure: {lastFailure}. It is safe to try again later.", innerException)
    {
        Attempts = attempts;
        LastFailure = lastFailure;
    }

    /// <summary>How many HTTP attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>What the last attempt met, for example <c>HTTP 503</c> or <c>THROTTLED</c>.</summary>
    public string LastFailure { get; }
}
