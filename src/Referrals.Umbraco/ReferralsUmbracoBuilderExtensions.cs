using Hangfire;
using Hangfire.SqlServer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Referrals.Core;
using Referrals.Core.Configuration;
using Referrals.Core.Persistence;
using Referrals.Umbraco.Api;
using Referrals.Umbraco.Configuration;
using Referrals.Umbraco.Events;
using Referrals.Umbraco.Hosting;
using Referrals.Umbraco.Members;
using Referrals.Umbraco.Security;
using Referrals.Umbraco.Startup;
using Referrals.Umbraco.Visitor;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Extensions;

namespace Referrals.Umbraco;

/// <summary>The Umbraco package's one entry point.</summary>
public static class ReferralsUmbracoBuilderExtensions
{
    /// <summary>
    /// Adds the referral program to an Umbraco site: options from <c>Referrals</c> (validated at start-up), the engine
    /// on Umbraco's database (<c>ConnectionStrings:umbracoDbDSN</c>; an explicit <c>Referrals:Storage</c> wins),
    /// migrations and recurring jobs once Umbraco runs, Hangfire (reusing a <see cref="JobStorage"/> the site already
    /// registered, else its own per <c>Referrals:Jobs:Storage</c>), the member handler, <see cref="IReferralEvents"/>,
    /// the section policy <see cref="ReferralsPolicies.SectionAccess"/>, the backoffice API and the visitor endpoints.
    /// Safe to call twice: the second call does nothing.
    /// </summary>
    /// <param name="builder">Umbraco's builder.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IUmbracoBuilder AddReferrals(this IUmbracoBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ReferralsMarker)))
        {
            return builder;
        }

        services.AddSingleton<ReferralsMarker>();
        var configuration = builder.Config;
        var section = configuration.GetSection(ReferralsOptions.SectionName);
        services.AddReferralsCore(section, options => UmbracoStorage.Apply(configuration, options.Storage));

        // Umbraco has no database before install: migrations wait for the started notification at runtime level Run.
        var initializer = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ReferralsDatabaseInitializer));
        if (initializer is not null)
        {
            services.Remove(initializer);
        }

        services.AddOptions<ReferralsUmbracoOptions>().Bind(configuration.GetSection(ReferralsUmbracoOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReferralsUmbracoOptions>, ReferralsUmbracoOptionsValidator>());

        services.AddHttpContextAccessor();
        services.TryAddSingleton<SiteTenant>();
        services.TryAddSingleton<ReferralEvents>();
        services.TryAddSingleton<IReferralEvents>(sp => sp.GetRequiredService<ReferralEvents>());

        AddJobs(services, configuration);
        AddSecurity(services);
        services.AddReferralsApi();
        services.AddReferralsVisitor();

        builder.AddNotificationAsyncHandler<UmbracoApplicationStartedNotification, StartReferralsEngine>();
        builder.AddNotificationAsyncHandler<UmbracoApplicationStartedNotification, GrantReferralsSection>();
        builder.AddNotificationAsyncHandler<MemberSavedNotification, MemberSavedHandler>();
        return builder;
    }

    private static void AddSecurity(IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(ReferralsPolicies.SectionAccess, policy =>
        {
            policy.AuthenticationSchemes.Add(ReferralsPolicies.BackOfficeScheme);
            policy.RequireAuthenticatedUser();
            policy.Requirements.Add(new ReferralsSectionRequirement());
        });
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAuthorizationHandler, ReferralsSectionHandler>());
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration)
    {
        // A site that already runs Hangfire (e.g. through a dashboard package composed before us) keeps its storage and
        // server; our recurring jobs go into it. Otherwise we add our own.
        if (services.Any(d => d.ServiceType == typeof(JobStorage)))
        {
            return;
        }

        services.AddHangfire((sp, hangfire) =>
        {
            var options = sp.GetRequiredService<ReferralsOptions>();
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            switch (options.Jobs.Storage)
            {
                case "SqlServer" when options.Storage.Provider == StorageProvider.SqlServer:
                    hangfire.UseSqlServerStorage(options.Storage.ConnectionString, new SqlServerStorageOptions { SchemaName = "referralsHangfire" });
                    break;
                case "SqlServer" or "PostgreSql":
                    throw new InvalidOperationException(
                        $"Referrals:Jobs:Storage '{options.Jobs.Storage}' needs the engine on SQL Server. On an Umbraco site use \"InMemory\", or \"SqlServer\" when Umbraco runs on SQL Server.");
                default:
                    hangfire.UseInMemoryStorage();
                    break;
            }
        });
        var runServer = configuration.GetSection(ReferralsUmbracoOptions.SectionName).GetValue(nameof(ReferralsUmbracoOptions.RunJobServer), true);
        if (runServer)
        {
            services.AddHangfireServer((sp, server) => server.WorkerCount = Math.Max(1, sp.GetRequiredService<ReferralsOptions>().Jobs.Workers));
        }
    }

    /// <summary>Marks that <see cref="AddReferrals"/> ran.</summary>
    private sealed class ReferralsMarker;
}
