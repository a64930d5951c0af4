using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.DependencyInjection;

namespace Referrals.Umbraco.Tests.Hosting;

/// <summary>Umbraco's own <see cref="UmbracoBuilder"/>, built the way a site's start-up builds it (minus Infrastructure).</summary>
public static class UmbracoBuilders
{
    public static UmbracoBuilder Create(IServiceCollection services, IConfiguration configuration)
    {
        var assemblies = new DefaultUmbracoAssemblyProvider(typeof(ReferralsComposer).Assembly, NullLoggerFactory.Instance, []);
        var finder = new TypeFinder(NullLogger<TypeFinder>.Instance, assemblies, [], new TypeFinderConfig(Options.Create(new TypeFinderSettings())));
        var loader = new TypeLoader(finder, NullLogger<TypeLoader>.Instance, [typeof(ReferralsComposer).Assembly]);
        return new UmbracoBuilder(services, configuration, loader);
    }
}
