using Referrals.ShopifyBridge.Merchants;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// Maps a shop's merchant pages under <c>/shops/{shop}/</c>: status (with dead-letter retry and customers' data-request
/// downloads), program settings (with ideal-client profiles and the advocate news), the review queue, the rewards
/// ledger, the introductions and the referred-vs-other customer insights. Every page needs
/// <see cref="MerchantAuthorization.PolicyName"/> and then
/// <see cref="ShopAccess"/>; every POST checks the antiforgery token and is
/// capped by <see cref="FormSizeLimit"/>.
/// </summary>
internal static class ShopPages
{
    public const string Status = "status";
    public const string Settings = "settings";
    public const string Review = "review";
    public const string Rewards = "rewards";
    public const string Introductions = "introductions";
    public const string Insights = "insights";

    /// <summary>The path of <paramref name="page"/> for <paramref name="shop"/>.</summary>
    public static string PathFor(string shop, string page) => $"/shops/{Uri.EscapeDataString(shop)}/{page}";

    public static IEndpointRouteBuilder MapShopPages(this IEndpointRouteBuilder endpoints)
    {
        var shop = endpoints.MapGroup("/shops/{shop}").RequireAuthorization(MerchantAuthorization.PolicyName);
        shop.MapGet("/" + Status, ShopStatusPage.RenderAsync);
        shop.MapPost("/dead-letters/{queue}/{id:long}/retry", ShopStatusPage.RetryAsync).DisableAntiforgery().WithFormSizeLimit(FormSizeLimit.PageMaxBytes);
        shop.MapGet("/" + Settings, ProgramSettingsPage.RenderAsync);
        shop.MapPost("/" + Settings, ProgramSettingsPage.SaveAsync).DisableAntiforgery().WithFormSizeLimit(FormSizeLimit.PageMaxBytes);
        shop.MapGet("/" + Review, ReviewQueuePage.RenderAsync);
        shop.MapPost("/" + Review + "/{itemId:guid}", ReviewQueuePage.DecideAsync).DisableAntiforgery().WithFormSizeLimit(FormSizeLimit.PageMaxBytes);
        shop.MapGet("/" + Rewards, RewardsPage.RenderAsync);
        shop.MapGet("/" + Introductions, IntroductionsPage.RenderAsync);
        shop.MapGet("/" + Insights, InsightsPage.RenderAsync);
        shop.MapGet("/data-requests/{id:guid}", DataRequestsSection.DownloadAsync);
        return endpoints;
    }
}
