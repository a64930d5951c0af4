using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using Referrals.Core.Configuration;
using Referrals.Umbraco.Configuration;

namespace Referrals.Umbraco.Tests.Packaging;

/// <summary>What <c>dotnet pack src/Referrals.Umbraco</c> produces: one Umbraco dependency, the manifest, the schema.</summary>
public sealed class NuGetPackageTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();
    private string _output = null!;
    private ZipArchive _package = null!;

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        _output = Directory.CreateTempSubdirectory("referrals-pack-").FullName;
        var configuration = typeof(NuGetPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet", ["pack", Path.Combine(RepositoryRoot, "src", "Referrals.Umbraco"), "-c", configuration, "--no-build", "-o", _output, "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var pack = Process.Start(start)!;
        var log = await pack.StandardOutput.ReadToEndAsync() + await pack.StandardError.ReadToEndAsync();
        await pack.WaitForExitAsync();
        Assert.That(pack.ExitCode, Is.Zero, log);
        _package = ZipFile.OpenRead(Directory.GetFiles(_output, "Referrals.Umbraco.*.nupkg").Single());
    }

    [OneTimeTearDown]
    public void Clean()
    {
        _package?.Dispose();
        Directory.Delete(_output, recursive: true);
    }

    [Test]
    public void Package_DependsOnUmbracoCmsCoreOnly_AmongUmbracoPackages()
    {
        var nuspec = XDocument.Load(_package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);

        Assert.That(dependencies.Keys.Where(id => id.StartsWith("Umbraco", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(new[] { "Umbraco.Cms.Core" }));
        Assert.That(dependencies["Umbraco.Cms.Core"], Is.EqualTo("[17.6.2, 19.0.0)"));
        Assert.That(nuspec.Descendants().Where(e => e.Name.LocalName == "frameworkReference").Select(e => e.Attribute("name")!.Value),
            Does.Contain("Microsoft.AspNetCore.App"));
    }

    [Test]
    public void Package_ServesItsStaticAssetsUnderAppPluginsReferrals()
    {
        Assert.That(_package.Entries.Select(e => e.FullName), Does.Contain("staticwebassets/umbraco-package.json"));
        using var reader = new StreamReader(_package.Entries.Single(e => e.FullName == "build/Microsoft.AspNetCore.StaticWebAssets.props").Open());
        Assert.That(reader.ReadToEnd(), Does.Contain("App_Plugins/Referrals"));
    }

    [Test]
    public void Package_ShipsTheAppSettingsSchema_AndHandsItToUmbraco()
    {
        var names = _package.Entries.Select(e => e.FullName).ToList();
        Assert.That(names, Does.Contain("appsettings-schema.Referrals.json"));
        using var targets = new StreamReader(_package.Entries.Single(e => e.FullName == "buildTransitive/Referrals.Umbraco.targets").Open());
        Assert.That(targets.ReadToEnd(), Does.Contain("UmbracoJsonSchemaFiles").And.Contain("appsettings-schema.Referrals.json"));
    }

    [Test]
    public void Schema_DescribesEverySettingOfTheUmbracoPackageAndTheEngineSections()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "src", "Referrals.Umbraco", "appsettings-schema.Referrals.json")));
        var referrals = schema.RootElement.GetProperty("properties").GetProperty("Referrals").GetProperty("properties");

        Assert.That(Names(referrals), Is.SupersetOf(Settable(typeof(ReferralsOptions))));
        Assert.That(Names(referrals.GetProperty("Umbraco").GetProperty("properties")), Is.EquivalentTo(Settable(typeof(ReferralsUmbracoOptions))));
        Assert.That(Names(referrals.GetProperty("Storage").GetProperty("properties")), Is.EquivalentTo(Settable(typeof(StorageOptions))));
        Assert.That(Names(referrals.GetProperty("Jobs").GetProperty("properties")), Is.EquivalentTo(Settable(typeof(JobOptions))));
        Assert.That(Names(referrals.GetProperty("Links").GetProperty("properties")), Is.EquivalentTo(Settable(typeof(LinkOptions))));
    }

    private static IEnumerable<string> Names(JsonElement properties) => properties.EnumerateObject().Select(p => p.Name).ToList();

    private static IEnumerable<string> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToList();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReferralPlugins.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
