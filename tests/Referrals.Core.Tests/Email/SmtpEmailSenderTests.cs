using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Referrals.Core.Email;
using Referrals.Testing.Email;

namespace Referrals.Core.Tests.Email;

/// <summary>Against a real SMTP server (python3-aiosmtpd) that the fixture starts on loopback; no mocks.</summary>
public sealed class SmtpEmailSenderTests
{
    private static readonly DateTimeOffset _now = new(2026, 5, 4, 9, 30, 0, TimeSpan.Zero);
    private SmtpTestServer _server = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = SmtpTestServer.Start();

    [OneTimeTearDown]
    public void StopServer() => _server?.Dispose();

    [SetUp]
    public void Clear() => _server.Clear();

    private static EmailOptions Options(int port, int timeoutSeconds = 10) => new()
    {
        Mode = EmailDeliveryMode.Smtp,
        From = new EmailFromOptions { Address = "hello@shop.example", DisplayName = "Shop" },
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, TimeoutSeconds = timeoutSeconds },
    };

    private SmtpEmailSender Sender() => new(Options(_server.Port), new FakeTimeProvider(_now));

    [Test]
    public async Task SendAsync_DeliversBothPartsAndHeaders_ToTheRealServer()
    {
        await Sender().SendAsync(TestEmails.Ask(), CancellationToken.None);

        var received = _server.Received().Single();
        var message = received.Message;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.MailFrom, Is.EqualTo("hello@shop.example"));
            Assert.That(received.Recipients, Is.EqualTo(new[] { "anna@example.com" }));
            Assert.That(message.Subject, Is.EqualTo("Thank you, Anna"));
            Assert.That(message.Body, Is.TypeOf<MultipartAlternative>());
            Assert.That(message.TextBody?.Trim(), Is.EqualTo("Hello Anna"));
            Assert.That(message.HtmlBody?.Trim(), Is.EqualTo("<p>Hello <b>Anna</b></p>"));
            Assert.That(message.Headers["List-Unsubscribe"], Is.EqualTo("<https://shop.example/unsubscribe/abc-123>"));
            Assert.That(message.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
        }
    }

    [Test]
    public async Task SendAsync_SendsTheSameMessageId_WhenTheSameMessageIsRetried()
    {
        await Sender().SendAsync(TestEmails.Ask("outbox:42"), CancellationToken.None);
        await Sender().SendAsync(TestEmails.Ask("outbox:42"), CancellationToken.None);

        var ids = _server.Received().Select(r => r.Message.MessageId).ToList();
        Assert.That(ids, Has.Count.EqualTo(2));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_DeliversNoExtraRecipient_WhenTheSubjectTriesHeaderInjection()
    {
        await Sender().SendAsync(TestEmails.Ask(subject: "Hi\r\nBcc: x@evil.example"), CancellationToken.None);

        var received = _server.Received().Single();
        Assert.That(received.Recipients, Is.EqualTo(new[] { "anna@example.com" }));
        Assert.That(received.Message.Bcc, Is.Empty);
    }

    [Test]
    public void SendAsync_ThrowsPermanent_WhenTheServerRejectsTheRecipientWith550()
    {
        var ex = Assert.ThrowsAsync<PermanentEmailFailureException>(() =>
            Sender().SendAsync(TestEmails.Ask(to: "reject-me@example.com"), CancellationToken.None));

        Assert.That(ex!.StatusCode, Is.EqualTo(550));
        Assert.That(ex.IsPermanent, Is.True);
        Assert.That(_server.Received(), Is.Empty);
    }

    [Test]
    public void SendAsync_ThrowsTransient_WhenNoServerListens()
    {
        var port = FreePort();
        var sender = new SmtpEmailSender(Options(port, timeoutSeconds: 2), new FakeTimeProvider(_now));

        var ex = Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(TestEmails.Ask(), CancellationToken.None));

        Assert.That(ex, Is.Not.TypeOf<PermanentEmailFailureException>());
        Assert.That(ex!.IsPermanent, Is.False);
        Assert.That(ex.Message, Does.Contain($"127.0.0.1:{port}").And.Contain("Referrals:Email:Smtp:Host"));
    }

    [Test]
    public void SendAsync_ThrowsTransientWithinTheTimeout_WhenTheServerNeverGreets()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var sender = new SmtpEmailSender(Options(port, timeoutSeconds: 1), TimeProvider.System);
        var watch = Stopwatch.StartNew();

        var ex = Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(TestEmails.Ask(), CancellationToken.None));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
        Assert.That(ex!.Message, Does.Contain("TimeoutSeconds"));
    }

    [Test]
    public void SendAsync_ThrowsOperationCanceled_WhenTheCallerCancels()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(
            () => Sender().SendAsync(TestEmails.Ask(), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
