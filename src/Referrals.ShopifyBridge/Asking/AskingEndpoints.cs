using Referrals.Core.Email;
using Referrals.Core.Satisfaction;

namespace Referrals.ShopifyBridge.Asking;

/// <summary>
/// Maps the pages behind the links in ask e-mails, on exactly the paths the engine puts in them:
/// <c>/{RatingLinks.PathSegment}/{token}</c>, <c>/{UnsubscribeLinks.PathSegment}/{token}</c> and the introduction opt-out
/// <c>/{Introductions.OptOutPath}/{token}</c> under
/// <c>Referrals:Links:PublicBaseUrl</c> (which must point at this bridge).
/// </summary>
internal static class AskingEndpoints
{
    public const string RatePattern = "/" + RatingLinks.PathSegment + "/{token}";

    public const string UnsubscribePattern = "/" + UnsubscribeLinks.PathSegment + "/{token}";

    public static IEndpointRouteBuilder MapAskingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(RatePattern, RatingEndpoints.ShowAsync);
        endpoints.MapPost(RatePattern, RatingEndpoints.RecordAsync).DisableAntiforgery();
        endpoints.MapGet(UnsubscribePattern, UnsubscribeEndpoints.Show);
        endpoints.MapPost(UnsubscribePattern, UnsubscribeEndpoints.UnsubscribeAsync).DisableAntiforgery();
        endpoints.MapGet(IntroductionOptOutEndpoints.Pattern, IntroductionOptOutEndpoints.Show);
        endpoints.MapPost(IntroductionOptOutEndpoints.Pattern, IntroductionOptOutEndpoints.OptOutAsync).DisableAntiforgery();
        return endpoints;
    }
}
