namespace Referrals.Testing.Shopify.Sandbox;

/// <summary>The sandbox's checkout refused a discount code, as Shopify's would (see <c>FakeShop.DiscountRefusal</c>); no order was placed.</summary>
public sealed class SandboxCheckoutRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SandboxCheckoutRefusedException(string code, string reason)
        : base($"Checkout refused the discount code {code}: {reason}.")
    {
        Code = code;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    public SandboxCheckoutRefusedException()
        : this(string.Empty, "refused")
    {
    }

    /// <summary>Creates the exception.</summary>
    public SandboxCheckoutRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = string.Empty;
        Reason = message;
    }

    /// <summary>The refused code.</summary>
    public string Code { get; }

    /// <summary>Why, in Shopify's words.</summary>
    public string Reason { get; }
}
