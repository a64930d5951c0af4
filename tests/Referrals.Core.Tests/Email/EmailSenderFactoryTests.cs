using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referrals.Core.Email;

namespace Referrals.Core.Tests.Email;

public sealed class EmailSenderFactoryTests
{
    [Test]
    public void Create_ReturnsThePickupSender_WhenModeIsPickup() =>
        Assert.That(EmailSenderFactory.Create(new EmailOptions(), new FakeTimeProvider()), Is.TypeOf<PickupDirectoryEmailSender>());

    [Test]
    public void Create_ReturnsTheSmtpSender_WhenModeIsSmtp()
    {
        var options = new EmailOptions { Mode = EmailDeliveryMode.Smtp, Smtp = new SmtpOptions { Host = "smtp.shop.example" } };

        Assert.That(EmailSenderFactory.Create(options, new FakeTimeProvider()), Is.TypeOf<SmtpEmailSender>());
    }

    [Test]
    public void AddReferralsCore_RegistersTheSenderOfTheConfiguredMode_WhenSmtpIsConfigured()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Mode"] = "Smtp",
            ["Email:Smtp:Host"] = "smtp.shop.example",
            ["Email:From:Address"] = "hello@shop.example",
        }).Build();
        using var provider = new ServiceCollection().AddReferralsCore(configuration).BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IEmailSender>(), Is.TypeOf<SmtpEmailSender>());
        Assert.That(provider.GetRequiredService<EmailOptions>().Smtp.Host, Is.EqualTo("smtp.shop.example"));
    }
}
