using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Referrals.Umbraco.Visitor;

/// <summary>Registers the visitor side: <c>/r/{code}</c>, the refer-a-friend form, the rating pages and the prompt.</summary>
internal static class ReferralsVisitorServiceCollectionExtensions
{
    public static IServiceCollection AddReferralsVisitor(this IServiceCollection services)
    {
        services.AddAntiforgery();
        services.AddMvcCore().AddViews().AddRazorViewEngine();
        services.TryAddSingleton<ReferFormRateLimiter>();
        return services;
    }
}
