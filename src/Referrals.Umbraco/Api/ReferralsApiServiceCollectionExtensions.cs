using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Referrals.Umbraco.Api.Infrastructure;

namespace Referrals.Umbraco.Api;

/// <summary>Registers the backoffice API controllers and their OpenAPI document.</summary>
internal static class ReferralsApiServiceCollectionExtensions
{
    public static IServiceCollection AddReferralsApi(this IServiceCollection services)
    {
        var assembly = typeof(ReferralsApiController).Assembly;
        services.AddMvcCore().AddApiExplorer().ConfigureApplicationPartManager(parts =>
        {
            // The site usually finds this assembly itself; adding it twice would map every route twice.
            if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
            {
                parts.ApplicationParts.Add(new AssemblyPart(assembly));
            }

            // The compiled views (the prompt view component's template) are found through this part.
            if (!parts.ApplicationParts.OfType<CompiledRazorAssemblyPart>().Any(p => p.Assembly == assembly))
            {
                parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
            }

            if (!parts.FeatureProviders.OfType<ReferralsControllerFeatureProvider>().Any())
            {
                parts.FeatureProviders.Add(new ReferralsControllerFeatureProvider());
            }
        });
        services.AddOpenApi(ReferralsOpenApi.DocumentName, ReferralsOpenApi.Configure);
        return services;
    }
}
