using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referrals.Umbraco.Security;
using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Membership;
using Umbraco.Cms.Core.Notifications;
using Umbraco.Cms.Core.Security.Authorization;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Core.Services.OperationStatus;
using Umbraco.Cms.Core.Strings;

namespace Referrals.Umbraco.Tests.Hosting;

/// <summary>
/// A site on Kestrel (loopback) hosting the package the way Umbraco would: a real <c>UmbracoBuilder</c> running our
/// composer, Umbraco's connection string (an SQLite file), Umbraco's scheme and policy names with a fake
/// authentication handler, and the started notification published once. Umbraco's own services (members, user
/// groups, runtime state) are stand-ins: their implementations are not on our package feed.
/// </summary>
public sealed class UmbracoTestSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private UmbracoTestSite(WebApplication app, string directory, Uri address)
    {
        _app = app;
        _directory = directory;
        Address = address;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    internal static IShortStringHelper ShortStrings { get; } = new DefaultShortStringHelper(Options.Create(new RequestHandlerSettings()));

    public static async Task<UmbracoTestSite> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("referrals-umbraco-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:umbracoDbDSN"] = $"Data Source={Path.Combine(directory, "Umbraco.sqlite.db")};Cache=Shared;Foreign Keys=True;Pooling=True",
            ["ConnectionStrings:umbracoDbDSN_ProviderName"] = Constants.ProviderNames.SQLLite,
            ["Referrals:Links:KeyFile"] = Path.Combine(directory, "link-signing.key"),
            ["Referrals:Links:PublicBaseUrl"] = "https://site.example",
            ["Referrals:Email:PickupDirectory"] = Path.Combine(directory, "mail"),
            ["Referrals:Jobs:RegisterRecurringJobs"] = "false",
            ["Referrals:Umbraco:RunJobServer"] = "false",
            ["Referrals:Umbraco:LandingPath"] = "/welcome",
        };
        configure?.Invoke(settings);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development, ContentRootPath = directory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        // Umbraco's core services need Infrastructure implementations that cannot load here, so whole-container
        // validation is off; the composer tests resolve every service the package registers instead.
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateOnBuild = false; o.ValidateScopes = true; });

        var members = new Dictionary<Guid, IMember>();
        var admin = new UserGroup(ShortStrings, 1, Constants.Security.AdminGroupAlias, "Administrators", "icon-medal");
        builder.Services.AddControllersWithViews().AddApplicationPart(typeof(UmbracoTestSite).Assembly);
        builder.Services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, FakeBackOfficeAuthentication>(
            ReferralsPolicies.BackOfficeScheme, _ => { });
        // Umbraco registers BackOfficeAccess on every real site; the test host registers it under the same name.
        builder.Services.AddAuthorizationBuilder().AddPolicy(ReferralsPolicies.BackOfficeAccess, p => p.AddAuthenticationSchemes(ReferralsPolicies.BackOfficeScheme).RequireAuthenticatedUser());
        UmbracoBuilders.Create(builder.Services, builder.Configuration).AddReferrals();
        // After the builder: it registers Umbraco's real services, which need Infrastructure.
        builder.Services.AddSingleton<IAuthorizationHelper, TestUsers.AuthorizationHelper>();
        builder.Services.AddSingleton(InterfaceFake.Of<IRuntimeState>(("get_Level", _ => RuntimeLevel.Run)));
        builder.Services.AddSingleton(InterfaceFake.Of<IMemberService>(
            ("GetById(Guid)", args => members.GetValueOrDefault((Guid)args[0]!))));
        builder.Services.AddSingleton(InterfaceFake.Of<IUserGroupService>(
            ("GetAsync(String)", args => Task.FromResult<IUserGroup?>((string)args[0]! == admin.Alias ? admin : null)),
            ("UpdateAsync", args => Task.FromResult(Attempt.SucceedWithStatus(UserGroupOperationStatus.Success, (IUserGroup)args[0]!)) as object)));


        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        await app.StartAsync();
        foreach (var handler in app.Services.GetServices<INotificationAsyncHandler<UmbracoApplicationStartedNotification>>())
        {
            await handler.HandleAsync(new UmbracoApplicationStartedNotification(false), CancellationToken.None);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new UmbracoTestSite(app, directory, new Uri(address)) { _members = members, _admin = admin };
    }

    private Dictionary<Guid, IMember> _members = [];
    private IUserGroup? _admin;


    public IUserGroup Admin => _admin!;

    public IMember AddMember(string name, string email)
    {
        var member = new Member(name, email, email, new MemberType(ShortStrings, -1), true) { Key = Guid.NewGuid() };
        _members[member.Key] = member;
        return member;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? user = TestUsers.Editor, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (user is not null)
        {
            request.Headers.Add(FakeBackOfficeAuthentication.Header, user);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>Opens the prompt page and returns the antiforgery cookie and form token it hands out.</summary>
    public async Task<(string Cookie, string Token, string Html)> AntiforgeryAsync()
    {
        using var response = await Client.GetAsync("/test/prompt");
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !response.Headers.Contains("Set-Cookie"))
        {
            throw new InvalidOperationException($"The prompt page answered {(int)response.StatusCode} without an antiforgery cookie: {html[..Math.Min(html.Length, 2000)]}");
        }

        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return (cookie, token, html);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp directory is cleaned by the OS.
        }
    }
}
