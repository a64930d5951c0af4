using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.Configuration;
using Referrals.ShopifyBridge.Merchants;
using Referrals.ShopifyBridge.OAuth;

namespace Referrals.ShopifyBridge.Connections;

/// <summary>Wires shop connections (install, custom app, encrypted tokens) and the merchant sign-in; called by the bridge's entry points.</summary>
internal static class ShopifyConnectionRegistration
{
    /// <summary>The Data Protection application name: keys are shared by every bridge instance over one database.</summary>
    public const string ApplicationName = "Referrals.ShopifyBridge";

    /// <summary>Registers everything; call before <c>AddShopifyAdminApi</c> so the database token source wins.</summary>
    public static IServiceCollection AddShopifyConnections(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<ReferralsDbContextFactory>())));
        services.TryAddSingleton(_ => RandomNumberGenerator.Create());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CredentialProtector>();
        services.TryAddSingleton<Privacy.DataRequestProtector>();
        services.TryAddSingleton<ShopWebhookSecrets>();
        services.AddHttpClient(ShopifyTokenClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<ShopifyTokenClient>();
        services.TryAddSingleton<InMemoryShopifyAccessTokenSource>();
        services.TryAddSingleton<DatabaseShopifyAccessTokenSource>();
        services.TryAddSingleton<IShopifyAccessTokenSource>(sp => sp.GetRequiredService<DatabaseShopifyAccessTokenSource>());
        services.TryAddSingleton<ShopConnector>();
        services.TryAddSingleton<ShopWebhookSubscriber>();
        services.TryAddSingleton<OAuthState>();
        services.TryAddSingleton<OperatorLoginThrottle>();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "referrals_antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(MerchantAuthorization.Scheme).AddCookie(MerchantAuthorization.Scheme, o =>
        {
            o.Cookie.Name = MerchantAuthorization.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = MerchantAuthorization.LoginPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Behind a TLS-terminating proxy the request looks like http; an https app URL still means browsers see https.
        services.AddOptions<CookieAuthenticationOptions>(MerchantAuthorization.Scheme).PostConfigure<IOptions<ShopifyOptions>>((o, shopify) =>
        {
            if (shopify.Value.UsesHttps)
            {
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            }
        });
        services.AddOptions<AntiforgeryOptions>().PostConfigure<IOptions<ShopifyOptions>>((o, shopify) =>
        {
            if (shopify.Value.UsesHttps)
            {
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            }
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(MerchantAuthorization.PolicyName, policy => policy
                .AddAuthenticationSchemes(MerchantAuthorization.Scheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.HasClaim(claim => claim.Type == MerchantAuthorization.ShopClaim) || c.User.IsInRole(MerchantAuthorization.OperatorRole)))
            .AddPolicy(MerchantAuthorization.OperatorPolicyName, policy => policy
                .AddAuthenticationSchemes(MerchantAuthorization.Scheme)
                .RequireRole(MerchantAuthorization.OperatorRole));
        return services;
    }
}
