using Referrals.ShopifyBridge.AppProxy;

namespace Referrals.ShopifyBridge.Tests.AppProxy;

public sealed class AppProxyOptionsTests
{
    [Test]
    public void DefaultsAreTheDocumentedConstants()
    {
        var options = new AppProxyOptions();
        Assert.Multiple(() =>
        {
            Assert.That(options.TimestampToleranceSeconds, Is.EqualTo(90));
            Assert.That(options.InvitePermitLimit, Is.EqualTo(5));
            Assert.That(options.InviteWindowSeconds, Is.EqualTo(600));
            Assert.That(options.MaxFormBytes, Is.EqualTo(4096));
            Assert.That(options.FormTokenLifetimeMinutes, Is.EqualTo(60));
            Assert.That(AppProxySignatureVerifier.DefaultTolerance, Is.EqualTo(TimeSpan.FromSeconds(options.TimestampToleranceSeconds)));
        });
    }

    [Test]
    public void TheDefaultsAreValid() =>
        Assert.That(new AppProxyOptionsValidator().Validate(null, new AppProxyOptions()).Succeeded, Is.True);

    [Test]
    public void AnOutOfRangeValueIsRefusedNamingTheKey()
    {
        var result = new AppProxyOptionsValidator().Validate(null, new AppProxyOptions { MaxFormBytes = 10, InvitePermitLimit = 0 });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Referrals:Shopify:AppProxy:MaxFormBytes is 10; set it between 256 and 65536"));
        Assert.That(result.FailureMessage, Does.Contain("Referrals:Shopify:AppProxy:InvitePermitLimit"));
    }
}
