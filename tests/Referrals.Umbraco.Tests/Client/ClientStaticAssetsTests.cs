using System.Text.Json;

namespace Referrals.Umbraco.Tests.Client;

/// <summary>Every module the manifest names is a static web asset of the package, served under App_Plugins/Referrals.</summary>
public sealed class ClientStaticAssetsTests
{
    private const string BasePath = "/App_Plugins/Referrals/";

    [Test]
    public void Build_ServesEveryModuleTheManifestNames()
    {
        var runtime = Path.Combine(TestContext.CurrentContext.TestDirectory, "Referrals.Umbraco.staticwebassets.runtime.json");
        using var assets = JsonDocument.Parse(File.ReadAllText(runtime));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(FindRepositoryRoot(), "package.manifest")));

        var urls = manifest.RootElement.GetProperty("extensions").EnumerateArray()
            .SelectMany(extension => new[] { "js", "element", "api" }
                .Where(key => extension.TryGetProperty(key, out _))
                .Select(key => extension.GetProperty(key).GetString()!))
            .ToList();

        Assert.That(urls, Is.Not.Empty);
        foreach (var url in urls)
        {
            Assert.That(url, Does.StartWith(BasePath));
            var node = assets.RootElement.GetProperty("Root");
            foreach (var segment in url[BasePath.Length..].Split('/'))
            {
                Assert.That(node.TryGetProperty("Children", out var children) && children.TryGetProperty(segment, out node), Is.True,
                    $"{url} is not a static web asset (is node installed? the client builds during dotnet build)");
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReferralPlugins.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("ReferralPlugins.sln not found above the test directory.");
    }
}
