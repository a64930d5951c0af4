using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.Merchants;
using Referrals.ShopifyBridge.Tests.Connections;
using Referrals.Testing.Databases;

namespace Referrals.ShopifyBridge.Tests.BadInput;

/// <summary>
/// Every endpoint the running bridge maps (read from its <see cref="EndpointDataSource"/>, so a new endpoint is covered
/// without editing this test) answers an anonymous caller with 401 or a redirect to the login, unless it is on the one
/// explicit list of public endpoints below, each protected by its own mechanism.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class AnonymousAccessTests
{
    /// <summary>The public endpoints, as "METHOD pattern", and what protects them.</summary>
    private static readonly Dictionary<string, string> Public = new(StringComparer.Ordinal)
    {
        ["ANY /healthz"] = "health probe, says nothing private",
        ["POST /shopify/webhooks"] = "HMAC signature of the body",
        ["GET /shopify/install"] = "starts OAuth; nothing is stored before Shopify's signed callback",
        ["GET /shopify/callback"] = "HMAC of the query, state cookie, code exchange",
        ["GET /login"] = "the login form",
        ["POST /login"] = "the password check",
        ["POST /logout"] = "signs the caller out",
        ["GET /shopify/proxy/r/{code}"] = "app-proxy signature",
        ["GET /r/{code}"] = "read-only redirect of a referral code to its shop's storefront link",
        ["GET /shopify/proxy/rate/{token}"] = "app-proxy signature and signed rating token",
        ["POST /shopify/proxy/rate/{token}"] = "app-proxy signature and signed rating token",
        ["GET /shopify/proxy/invite"] = "app-proxy signature",
        ["POST /shopify/proxy/invite"] = "app-proxy signature and form token",
        ["GET /shopify/extension/ask"] = "session token (JWT)",
        ["OPTIONS /shopify/extension/ask"] = "CORS pre-flight",
        ["GET /rate/{token}"] = "signed rating token",
        ["POST /rate/{token}"] = "signed rating token",
        ["GET /unsubscribe/{token}"] = "signed unsubscribe token",
        ["POST /unsubscribe/{token}"] = "signed unsubscribe token",
        ["GET /introductions/opt-out/{token}"] = "signed introduction opt-out token",
        ["POST /introductions/opt-out/{token}"] = "signed introduction opt-out token",
    };

    private readonly StorageProvider _provider;
    private ConnectBridge _bridge = null!;

    public AnonymousAccessTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp() => _bridge = await ConnectBridge.StartAsync(_provider);

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public void ThePublicList_NamesOnlyEndpointsThatExist()
    {
        var mapped = Endpoints().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        Assert.That(Public.Keys.Where(k => !mapped.Contains(k)), Is.Empty, "a stale entry would hide nothing but mislead readers; mapped: " + string.Join(", ", mapped));
    }

    [Test]
    public async Task EveryOtherEndpoint_RefusesAnonymousCallers()
    {
        var protectedEndpoints = Endpoints().Where(e => !Public.ContainsKey(e.Key)).ToList();
        Assert.That(protectedEndpoints, Is.Not.Empty, "the status page and the custom-app form at least are protected");

        var answers = new List<string>();
        foreach (var (key, method, path) in protectedEndpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" });
            }

            using var anonymous = _bridge.NewClient();
            var response = await anonymous.SendAsync(request);
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == MerchantAuthorization.LoginPath);
            if (!refused)
            {
                answers.Add($"{key} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.That(answers, Is.Empty);
    }

    // Each mapped route endpoint and method, with a concrete path (parameters filled with a harmless value).
    private List<(string Key, string Method, string Path)> Endpoints()
    {
        var source = _bridge.Services.GetRequiredService<EndpointDataSource>();
        var result = new List<(string, string, string)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(Segment));
            // No method metadata: the endpoint answers every method; one GET stands for them.
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            result.AddRange(methods is null ? [($"ANY {pattern}", "GET", path)] : methods.Select(m => ($"{m} {pattern}", m, path)));
        }

        return result;
    }

    private static string Segment(RoutePatternPathSegment segment) => string.Concat(segment.Parts.Select(p => p switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart parameter => Sample(parameter),
        RoutePatternSeparatorPart separator => separator.Content,
        _ => string.Empty,
    }));

    // A value the parameter's constraints accept, so the request reaches the endpoint instead of missing every route.
    private static string Sample(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        return constraints.Contains("guid") ? Guid.Empty.ToString()
            : constraints.Contains("long") || constraints.Contains("int") ? "1"
            : "x";
    }
}
