using System.Text.Json;

namespace Referrals.Umbraco.Tests;

/// <summary>The root package.manifest is what the package ships as App_Plugins/Referrals/umbraco-package.json.</summary>
public sealed class PackageManifestTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    [Test]
    public void Build_ShipsTheRootManifestAsUmbracoPackageJson_Unchanged()
    {
        var runtime = Path.Combine(TestContext.CurrentContext.TestDirectory, "Referrals.Umbraco.staticwebassets.runtime.json");
        using var assets = JsonDocument.Parse(File.ReadAllText(runtime));
        var contentRoot = assets.RootElement.GetProperty("ContentRoots")[0].GetString()!;
        var shipped = Path.Combine(contentRoot, "umbraco-package.json");

        Assert.That(assets.RootElement.GetProperty("Root").GetProperty("Children").TryGetProperty("umbraco-package.json", out _), Is.True,
            "the manifest is a static web asset of the package");
        Assert.That(File.ReadAllBytes(shipped), Is.EqualTo(File.ReadAllBytes(Path.Combine(RepositoryRoot, "package.manifest"))));
    }

    [Test]
    public void Manifest_NamesThePackageAndItsExtensions()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "package.manifest")));

        Assert.That(manifest.RootElement.GetProperty("name").GetString(), Is.EqualTo("Referrals"));
        Assert.That(manifest.RootElement.GetProperty("id").GetString(), Is.EqualTo("ReferralPlugins.Referrals"));
        Assert.That(manifest.RootElement.GetProperty("extensions").ValueKind, Is.EqualTo(JsonValueKind.Array));
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
