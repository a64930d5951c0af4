using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referrals.Core.Persistence;
using Referrals.Umbraco.Configuration;
using Referrals.Umbraco.Events;
using Referrals.Umbraco.Security;
using Referrals.Umbraco.Tests.Hosting;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Security.Authorization;
using Umbraco.Cms.Core.Services;

namespace Referrals.Umbraco.Tests.Composing;

/// <summary>The composer against Umbraco's real <c>UmbracoBuilder</c>: what it registers, and that all of it resolves.</summary>
public sealed class ReferralsComposerTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("referrals-composer-").FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void Compose_RegistersServicesThatAllResolve()
    {
        var services = new ServiceCollection();
        var builder = UmbracoBuilders.Create(services, Configuration());
        var before = services.ToHashSet();

        new ReferralsComposer().Compose(builder);
        var added = services.Where(d => !before.Contains(d)).ToList();
        AddUmbracoStandIns(services);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = provider.CreateScope();
        var resolved = 0;
        // Ours, the engine's, Hangfire's and the Umbraco handler registrations; ASP.NET Core's own MVC services need the
        // whole web host and are exercised by the HTTP tests.
        foreach (var descriptor in added.Where(d => !d.ServiceType.ContainsGenericParameters && IsOurs(d)))
        {
            var instances = descriptor.IsKeyedService
                ? scope.ServiceProvider.GetKeyedServices(descriptor.ServiceType, descriptor.ServiceKey)
                : scope.ServiceProvider.GetServices(descriptor.ServiceType);
            Assert.That(instances, Is.Not.Empty.And.All.Not.Null, descriptor.ToString());
            resolved++;
        }

        Assert.That(resolved, Is.GreaterThan(40));
        Assert.That(scope.ServiceProvider.GetRequiredService<IReferralEvents>(), Is.Not.Null);
        Assert.That(scope.ServiceProvider.GetServices<INotificationAsyncHandler<UmbracoApplicationStartedNotification>>().Count(), Is.GreaterThanOrEqualTo(2));
        Assert.That(scope.ServiceProvider.GetServices<INotificationAsyncHandler<MemberSavedNotification>>(), Is.Not.Empty);
        Assert.That(provider.GetRequiredService<IOptions<AuthorizationOptions>>().Value.GetPolicy(ReferralsPolicies.SectionAccess), Is.Not.Null);
    }

    [Test]
    public void Compose_PutsTheEngineOnUmbracosDatabase()
    {
        var services = new ServiceCollection();
        new ReferralsComposer().Compose(UmbracoBuilders.Create(services, Configuration()));
        AddUmbracoStandIns(services);

        using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<ReferralsDbContextFactory>().Storage;

        Assert.That(storage.Provider, Is.EqualTo(StorageProvider.Sqlite));
        Assert.That(storage.ConnectionString, Does.Contain(Path.Combine(_directory, "Umbraco.sqlite.db")));
    }

    [Test]
    public void Compose_Twice_RegistersOnce()
    {
        var services = new ServiceCollection();
        var builder = UmbracoBuilders.Create(services, Configuration());
        builder.AddReferrals();
        var count = services.Count;

        builder.AddReferrals();

        Assert.That(services, Has.Count.EqualTo(count));
    }

    [Test]
    public void Compose_ReusesAJobStorageTheSiteAlreadyRegistered()
    {
        var services = new ServiceCollection();
        // Hangfire logs through a global provider; an earlier test's container may have disposed the one it holds.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        var storage = new InMemoryStorage();
        services.AddSingleton<JobStorage>(storage);
        var builder = UmbracoBuilders.Create(services, Configuration());

        builder.AddReferrals();

        Assert.That(services.Count(d => d.ServiceType == typeof(JobStorage)), Is.EqualTo(1));
        AddUmbracoStandIns(services);
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<JobStorage>(), Is.SameAs(storage));
    }

    [Test]
    public void Compose_Fails_AtStart_WhenTheLandingPathIsNotOnTheSite()
    {
        var services = new ServiceCollection();
        new ReferralsComposer().Compose(UmbracoBuilders.Create(services, Configuration(("Referrals:Umbraco:LandingPath", "//evil.example"))));
        AddUmbracoStandIns(services);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<ReferralsUmbracoOptions>>().Value);
        Assert.That(error!.Message, Does.Contain("Referrals:Umbraco:LandingPath"));
    }

    private static bool IsOurs(ServiceDescriptor descriptor)
    {
        var types = new[] { descriptor.ServiceType, descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType }
            .Concat(descriptor.ServiceType.GenericTypeArguments);
        return types.Any(t => t?.Assembly.GetName().Name is { } name
            && (name.StartsWith("Referrals", StringComparison.Ordinal) || name.StartsWith("Hangfire", StringComparison.Ordinal)));
    }

    private IConfiguration Configuration(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:umbracoDbDSN"] = $"Data Source={Path.Combine(_directory, "Umbraco.sqlite.db")};Cache=Shared",
            ["ConnectionStrings:umbracoDbDSN_ProviderName"] = Constants.ProviderNames.SQLLite,
            ["Referrals:Links:KeyFile"] = Path.Combine(_directory, "link.key"),
            ["Referrals:Email:PickupDirectory"] = Path.Combine(_directory, "mail"),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    // What a real Umbraco site provides from Infrastructure and Web.Common, which cannot load here.
    private static void AddUmbracoStandIns(ServiceCollection services)
    {
        services.AddLogging();
        // The ASP.NET Core host adds these before any composer runs.
        services.AddSingleton(new System.Diagnostics.DiagnosticListener("Referrals.Umbraco.Tests"));
        services.AddSingleton<System.Diagnostics.DiagnosticSource>(sp => sp.GetRequiredService<System.Diagnostics.DiagnosticListener>());
        services.AddSingleton<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>(InterfaceFake.Of<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>(
            ("get_ContentRootPath", _ => Path.GetTempPath()), ("get_WebRootPath", _ => Path.GetTempPath()), ("get_EnvironmentName", _ => "Production"),
            ("get_ApplicationName", _ => "Referrals.Umbraco.Tests")));
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(sp => sp.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>());
        services.AddSingleton<IAuthorizationHelper, TestUsers.AuthorizationHelper>();
        services.AddSingleton(InterfaceFake.Of<IRuntimeState>(("get_Level", _ => RuntimeLevel.Run)));
        services.AddSingleton(InterfaceFake.Of<IMemberService>());
        services.AddSingleton(InterfaceFake.Of<IUserGroupService>());
    }
}
