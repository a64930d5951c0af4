using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Umbraco.Tests.Hosting;

namespace Referrals.Umbraco.Tests.Api;

/// <summary>Every backoffice endpoint, found from the routing data rather than listed by hand, is closed to outsiders.</summary>
public sealed class BackofficeApiAuthorizationTests
{
    private UmbracoTestSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await UmbracoTestSite.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public void Api_HasTheEndpointsOfTheContract()
    {
        var routes = ApiEndpoints().Select(e => e.Method + " " + e.Path).ToList();

        Assert.That(routes, Has.Count.GreaterThanOrEqualTo(24));
        Assert.That(routes, Does.Contain("GET /umbraco/referrals/api/v1/advocates"));
        Assert.That(routes, Does.Contain("POST /umbraco/referrals/api/v1/review/{id:guid}/reject"));
        Assert.That(routes, Does.Contain("PUT /umbraco/referrals/api/v1/settings"));
        Assert.That(routes, Does.Contain("POST /umbraco/referrals/api/v1/asks/wording-check"));
        Assert.That(routes, Does.Contain("GET /umbraco/referrals/api/v1/openapi.json"));
        Assert.That(routes, Does.Contain("GET /umbraco/referrals/api/v1/overview"));
        Assert.That(routes, Does.Contain("GET /umbraco/referrals/api/v1/thank-you-tasks"));
        Assert.That(routes, Does.Contain("POST /umbraco/referrals/api/v1/thank-you-tasks/{id:guid}/done"));
        Assert.That(routes, Does.Contain("POST /umbraco/referrals/api/v1/thank-you-tasks/{id:guid}/cancel"));
        Assert.That(routes, Does.Contain("GET /umbraco/referrals/api/v1/thank-you-tasks/{id:guid}/card"));
        Assert.That(routes, Does.Contain("POST /umbraco/referrals/api/v1/thank-you-tasks/print"));
        Assert.That(routes, Does.Contain("GET /umbraco/referrals/api/v1/stores"));
        Assert.That(routes, Does.Contain("GET /umbraco/referrals/api/v1/introductions"));
        Assert.That(routes, Does.Contain("POST /umbraco/referrals/api/v1/introductions"));
        Assert.That(routes, Does.Contain("GET /umbraco/referrals/api/v1/customer-value"));
    }

    [Test]
    public async Task EveryApiEndpoint_Answers401_WhenAnonymous()
    {
        foreach (var (method, path) in ApiEndpoints())
        {
            using var response = await _site.Client.SendAsync(_site.Request(new HttpMethod(method), Concrete(path), user: null, Body(method)));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{method} {path}");
        }
    }

    [Test]
    public async Task EveryApiEndpoint_Answers403_ForABackofficeUserWithoutTheSection()
    {
        foreach (var (method, path) in ApiEndpoints())
        {
            using var response = await _site.Client.SendAsync(_site.Request(new HttpMethod(method), Concrete(path), TestUsers.Writer, Body(method)));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{method} {path}");
        }
    }

    [Test]
    public async Task EveryGetEndpoint_IsReachable_ForAnEditorWithTheSection()
    {
        foreach (var (method, path) in ApiEndpoints().Where(e => e.Method == "GET"))
        {
            using var response = await _site.Client.SendAsync(_site.Request(HttpMethod.Get, Concrete(path)));
            Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.NotFound), $"{method} {path}");
        }
    }

    private List<(string Method, string Path)> ApiEndpoints() =>
        _site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("umbraco/referrals/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .ToList();

    private static string Concrete(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", Guid.NewGuid().ToString());

    private static StringContent? Body(string method) => method is "POST" or "PUT" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null;
}
