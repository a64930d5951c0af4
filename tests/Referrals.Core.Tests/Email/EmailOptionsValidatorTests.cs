using Microsoft.Extensions.Options;
using Referrals.Core.Configuration;
using Referrals.Core.Email;

namespace Referrals.Core.Tests.Email;

public sealed class EmailOptionsValidatorTests
{
    private const string Password = "s3cret-P4ssw0rd";

    private static ValidateOptionsResult Validate(ReferralsOptions options) => new ReferralsOptionsValidator().Validate(null, options);

    private static ReferralsOptions WorkingSmtp() => new()
    {
        Email = new EmailOptions
        {
            Mode = EmailDeliveryMode.Smtp,
            From = new EmailFromOptions { Address = "hello@shop.example", DisplayName = "Shop" },
            Smtp = new SmtpOptions { Host = "smtp.shop.example", UserName = "mailer", Password = Password },
        },
    };

    private static TestCaseData Case(string name, Action<EmailOptions> breakIt, string key, string fix) =>
        new TestCaseData(breakIt, key, fix).SetArgDisplayNames(name);

    private static IEnumerable<TestCaseData> SingleValueFailures()
    {
        yield return Case("unknown mode", o => o.Mode = (EmailDeliveryMode)9, "Referrals:Email:Mode", "Use Pickup");
        yield return Case("SMTP without host", o => o.Smtp.Host = " ", "Referrals:Email:Smtp:Host", "Set the SMTP server's host name");
        yield return Case("invalid from", o => o.From.Address = "not an address", "Referrals:Email:From:Address", "not a valid e-mail address");
        yield return Case("from without domain", o => o.From.Address = "hello@", "Referrals:Email:From:Address", "not a valid e-mail address");
        yield return Case("placeholder from over SMTP", o => o.From.Address = EmailFromOptions.DefaultAddress, "Referrals:Email:From:Address", "Set an address of your own domain");
        yield return Case("multi-line display name", o => o.From.DisplayName = "Shop\r\nBcc: x@evil.example", "Referrals:Email:From:DisplayName", "single line");
        yield return Case("port zero", o => o.Smtp.Port = 0, "Referrals:Email:Smtp:Port", "1-65535");
        yield return Case("unknown security", o => o.Smtp.Security = (SmtpSecurity)7, "Referrals:Email:Smtp:Security", "StartTls, SslOnConnect or None");
        yield return Case("user without password", o => o.Smtp.Password = "", "Referrals:Email:Smtp:UserName", "Set the password");
        yield return Case("password without user", o => o.Smtp.UserName = null, "Referrals:Email:Smtp:Password", "Set both");
        yield return Case("no timeout", o => o.Smtp.TimeoutSeconds = 0, "Referrals:Email:Smtp:TimeoutSeconds", "1-600");
        yield return Case("short unsubscribe key", o => o.UnsubscribeKey = Convert.ToBase64String(new byte[16]), "Referrals:Email:UnsubscribeKey", "openssl rand -base64 32");
        yield return Case("unsubscribe key not base64", o => o.UnsubscribeKey = "not base64!", "Referrals:Email:UnsubscribeKey", "at least 32");
    }

    [Test]
    public void Validate_Succeeds_WhenEmailOptionsAreDefaults() =>
        Assert.That(Validate(new ReferralsOptions()).Succeeded, Is.True);

    [Test]
    public void Validate_Succeeds_WhenSmtpIsFullyConfigured() =>
        Assert.That(Validate(WorkingSmtp()).Succeeded, Is.True, Validate(WorkingSmtp()).FailureMessage);

    [Test]
    public void Validate_FailsNamingThePickupDirectory_WhenItIsEmptyInPickupMode()
    {
        var options = new ReferralsOptions { Email = new EmailOptions { PickupDirectory = "" } };

        var result = Validate(options);

        Assert.That(result.Failures, Has.Exactly(1).StartsWith("Referrals:Email:PickupDirectory").And.Contains("data/mail-pickup"));
    }

    [TestCaseSource(nameof(SingleValueFailures))]
    public void Validate_FailsNamingTheKeyAndTheFix_WhenOneSmtpSettingIsBad(Action<EmailOptions> breakIt, string key, string fix)
    {
        var options = WorkingSmtp();
        breakIt(options.Email);

        var result = Validate(options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures, Has.Exactly(1).Items, result.FailureMessage);
        Assert.That(result.Failures!.Single(), Does.StartWith(key).And.Contain(fix));
    }

    [Test]
    public void Validate_NeverEchoesThePassword_WhenSomethingElseIsWrong()
    {
        var options = WorkingSmtp();
        options.Email.Smtp.Host = "";
        options.Email.Smtp.UserName = "";
        options.Email.Smtp.TimeoutSeconds = -1;

        var result = Validate(options);

        Assert.That(result.FailureMessage, Does.Not.Contain(Password));
    }
}
