using System.Net;
using Referrals.Umbraco.Tests.Hosting;
using Referrals.Umbraco.Visitor;

namespace Referrals.Umbraco.Tests.Visitor;

/// <summary><c>/r/{code}</c>: cookie for known codes, always the configured landing page, never an open redirect.</summary>
public sealed class ReferralLinkTests
{
    private UmbracoTestSite _site = null!;
    private string _code = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await UmbracoTestSite.StartAsync();
        var advocate = await new SiteData(_site).AdvocateAsync("Lena", $"lena{Guid.NewGuid():N}@link.example");
        using var db = _site.Services.GetRequiredServiceDb();
        _code = db.ReferralCodes.Single(c => c.AdvocateContactId == advocate.Id).Display;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _site.DisposeAsync();

    [Test]
    public async Task KnownCode_SetsTheAttributionCookie_AndRedirectsToTheLandingPage()
    {
        using var response = await _site.Client.GetAsync($"/r/{_code.ToLowerInvariant()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/welcome"));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AttributionCookie.Name + "=", StringComparison.Ordinal));
        Assert.That(cookie, Does.StartWith($"{AttributionCookie.Name}={_code};"), "the canonical code, whatever case was typed");
        Assert.That(cookie.ToLowerInvariant(), Does.Contain("httponly").And.Contain("samesite=lax").And.Contain("path=/"));
    }

    [TestCase("NOSUCHCODE")]
    [TestCase("!!!")]
    public async Task UnknownCode_RedirectsToTheLandingPage_WithoutACookie(string code)
    {
        using var response = await _site.Client.GetAsync($"/r/{Uri.EscapeDataString(code)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/welcome"));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
    }

    [TestCase("/r/%2F%2Fevil.example")]
    [TestCase("/r/https:%2F%2Fevil.example")]
    [TestCase("/r/%5C%5Cevil.example")]
    [TestCase("/r/CODE?returnUrl=https://evil.example&redirect=//evil.example")]
    [TestCase("/r/..%2F..%2F%2F%2Fevil.example")]
    public async Task Redirect_NeverLeavesTheConfiguredPath_WhateverTheRequestCarries(string path)
    {
        using var response = await _site.Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Redirect, HttpStatusCode.NotFound));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/welcome"));
        }
    }
}
