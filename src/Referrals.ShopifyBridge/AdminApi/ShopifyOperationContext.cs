namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>What the client knows when it builds an operation's variables.</summary>
/// <param name="ShopDomain">The shop the call goes to.</param>
/// <param name="UtcNow">The client's clock (its <see cref="TimeProvider"/>), for inputs such as a discount's start.</param>
public sealed record ShopifyOperationContext(string ShopDomain, DateTimeOffset UtcNow);
