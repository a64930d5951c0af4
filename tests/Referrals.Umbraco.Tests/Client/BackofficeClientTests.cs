namespace Referrals.Umbraco.Tests.Client;

/// <summary>
/// Runs the backoffice client's pure Vitest suite (src/Referrals.Umbraco/Client/test/manifest.test.ts) so that
/// `dotnet test` covers it: the manifest against Umbraco's schema plus the localization files. The browser suite runs
/// against the real API test host in <see cref="BackofficeBrowserTests"/>. Needs node (npm).
/// </summary>
[NonParallelizable]
public sealed class BackofficeClientTests
{
    [OneTimeSetUp]
    public void BuildClient() => ClientSuiteRunner.EnsureBuilt();

    [Test]
    public void ManifestAndLocalization_PassTheirVitestSuite() => ClientSuiteRunner.RunSuite("test/manifest.test.ts");
}
