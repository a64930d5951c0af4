using System.Reflection;
using System.Text.RegularExpressions;
using Referrals.ShopifyBridge.AppProxy;
using Referrals.ShopifyBridge.Configuration;
using Referrals.ShopifyBridge.Shopify;

namespace Referrals.ShopifyBridge.Tests.ShopifyApp;

/// <summary>The Shopify CLI project under <c>src/Referrals.ShopifyBridge/ShopifyApp</c> agrees with the bridge.</summary>
public sealed class ShopifyAppConfigTests
{
    private static string AppFolder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ReferralPlugins.sln")))
            {
                directory = directory.Parent;
            }

            Assert.That(directory, Is.Not.Null, "the repository root");
            return Path.Combine(directory!.FullName, "src", "Referrals.ShopifyBridge", "ShopifyApp");
        }
    }

    [Test]
    public void TheAppSubscribesToEveryTopicTheBridgeHandles()
    {
        var toml = File.ReadAllText(Path.Combine(AppFolder, "shopify.app.toml"));
        var topics = typeof(ShopifyTopics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToArray();

        Assert.That(topics, Is.Not.Empty);
        Assert.That(topics, Has.All.Matches<string>(topic => toml.Contains($"\"{topic}\"", StringComparison.Ordinal)));
        Assert.That(toml, Does.Contain("uri = \"/shopify/webhooks\""));
    }

    [Test]
    public void TheAppProxyPointsAtTheBridgesProxyPages()
    {
        var toml = File.ReadAllText(Path.Combine(AppFolder, "shopify.app.toml"));

        Assert.That(toml, Does.Contain($"prefix = \"{StorefrontLinks.ProxyPrefix}\""));
        Assert.That(toml, Does.Contain($"subpath = \"{StorefrontLinks.ProxySubpath}\""));
        Assert.That(toml, Does.Contain($"{StorefrontLinks.ProxyTarget}\""));
        Assert.That(toml, Does.Contain("write_app_proxy"));
    }

    [Test]
    public void TheAppRequestsExactlyTheDefaultScopes()
    {
        var toml = File.ReadAllText(Path.Combine(AppFolder, "shopify.app.toml"));
        var line = Regex.Match(toml, @"^scopes\s*=\s*""(?<scopes>[^""]*)""", RegexOptions.Multiline);
        Assert.That(line.Success, Is.True, "a scopes = \"...\" line under [access_scopes]");

        static string[] Split(string scopes) =>
            [.. scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)];

        Assert.That(Split(line.Groups["scopes"].Value), Is.EqualTo(Split(ShopifyOptions.DefaultScopes)));
        Assert.That(Split(ShopifyOptions.DefaultScopes), Does.Contain("write_app_proxy"));
    }

    [Test]
    public void TheThankYouExtensionTargetsTheThankYouPageWithNetworkAccess()
    {
        var toml = File.ReadAllText(Path.Combine(AppFolder, "extensions", "thank-you-ask", "shopify.extension.toml"));
        var source = File.ReadAllText(Path.Combine(AppFolder, "extensions", "thank-you-ask", "src", "bridge.ts"));

        Assert.That(toml, Does.Contain("target = \"purchase.thank-you.block.render\""));
        Assert.That(toml, Does.Contain("network_access = true"));
        Assert.That(source, Does.Contain("/shopify/extension/ask?order="));
        Assert.That(source, Does.Contain("Authorization: `Bearer ${sessionToken}`"));
    }
}
