using Referrals.Core.Configuration;
using Referrals.Core.Email;
using Referrals.Core.Tests.Configuration;

namespace Referrals.Core.Tests.Email;

public sealed class EmailOptionsTests
{
    private static IEnumerable<TestCaseData> EmailDefaults() => DocumentedDefaults.Of<EmailOptions>();

    private static IEnumerable<TestCaseData> SmtpDefaults() => DocumentedDefaults.Of<SmtpOptions>();

    private static IEnumerable<TestCaseData> FromDefaults() => DocumentedDefaults.Of<EmailFromOptions>();

    [TestCaseSource(nameof(EmailDefaults))]
    public void NewEmailOptions_StartAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<EmailOptions>(constant);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(SmtpDefaults))]
    public void NewSmtpOptions_StartAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<SmtpOptions>(constant);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(FromDefaults))]
    public void NewFromOptions_StartAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<EmailFromOptions>(constant);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void NewOptions_HaveTheDocumentedValues_WhenNothingIsSet()
    {
        var options = new ReferralsOptions().Email;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Mode, Is.EqualTo(EmailDeliveryMode.Pickup));
            Assert.That(options.PickupDirectory, Is.EqualTo("data/mail-pickup"));
            Assert.That(options.From.Address, Is.EqualTo("referrals@localhost"));
            Assert.That(options.Smtp.Host, Is.Null);
            Assert.That(options.Smtp.Port, Is.EqualTo(587));
            Assert.That(options.Smtp.Security, Is.EqualTo(SmtpSecurity.StartTls));
            Assert.That(options.Smtp.TimeoutSeconds, Is.EqualTo(30));
            Assert.That(options.UnsubscribeKey, Is.Null);
        }
    }
}
