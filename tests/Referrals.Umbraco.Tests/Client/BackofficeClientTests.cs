namespace Referrals.Umbraco.Tests.Client;

/// <summary>
/// Runs the backoffice client's own Vitest suites (src/Referrals.Umbraco/Client/test) so that `dotnet test` covers them:
/// the manifest against Umbraco's schema plus the localization files, and the built elements in headless Chromium.
/// The browser suite talks to the API at REFERRALS_API_URL when that is set in the environment (the real API test
/// host), else to the contract stub it starts itself. Needs node (npm) and Debian's chromium (`apt-get install -y chromium`).
/// </summary>
[NonParallelizable]
public sealed class BackofficeClientTests
{
    [OneTimeSetUp]
    public void BuildClient() => ClientSuiteRunner.EnsureBuilt();

    [Test]
    public void ManifestAndLocalization_PassTheirVitestSuite() => ClientSuiteRunner.RunSuite("test/manifest.test.ts");

    [Test]
    public void BuiltElements_PassTheirBrowserSuiteInChromium() => ClientSuiteRunner.RunSuite("test/backoffice.browser.test.ts");
}
