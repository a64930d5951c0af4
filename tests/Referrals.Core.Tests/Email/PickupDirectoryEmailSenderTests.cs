using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Referrals.Core.Email;

namespace Referrals.Core.Tests.Email;

public sealed class PickupDirectoryEmailSenderTests
{
    private static readonly DateTimeOffset _now = new(2026, 5, 4, 9, 30, 0, TimeSpan.Zero);
    private string _directory = null!;
    private PickupDirectoryEmailSender _sender = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = Path.Combine(Path.GetTempPath(), "referrals-pickup-" + Path.GetRandomFileName());
        var options = new EmailOptions
        {
            PickupDirectory = _directory,
            From = new EmailFromOptions { Address = "hello@shop.example", DisplayName = "Shop" },
        };
        _sender = new PickupDirectoryEmailSender(options, new FakeTimeProvider(_now));
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private MimeMessage LoadOnly()
    {
        var files = Directory.GetFiles(_directory);
        Assert.That(files, Has.Length.EqualTo(1), string.Join(", ", files));
        Assert.That(files[0], Does.EndWith(".eml"));
        return MimeMessage.Load(files[0]);
    }

    [Test]
    public async Task SendAsync_WritesAParseableEmlWithBothPartsAndHeaders_WhenTheDirectoryIsMissing()
    {
        await _sender.SendAsync(TestEmails.Ask(), CancellationToken.None);

        using var message = LoadOnly();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo("hello@shop.example"));
            Assert.That(message.From.Mailboxes.Single().Name, Is.EqualTo("Shop"));
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("anna@example.com"));
            Assert.That(message.To.Mailboxes.Single().Name, Is.EqualTo("Anna Berg"));
            Assert.That(message.Subject, Is.EqualTo("Thank you, Anna"));
            Assert.That(message.Date, Is.EqualTo(_now));
            Assert.That(message.Body, Is.TypeOf<MultipartAlternative>());
            Assert.That(message.TextBody?.Trim(), Is.EqualTo("Hello Anna"));
            Assert.That(message.HtmlBody?.Trim(), Is.EqualTo("<p>Hello <b>Anna</b></p>"));
            Assert.That(message.Headers["List-Unsubscribe"], Is.EqualTo("<https://shop.example/unsubscribe/abc-123>"));
            Assert.That(message.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));
            Assert.That(message.MessageId, Does.EndWith("@shop.example"));
        }
    }

    [Test]
    public async Task SendAsync_KeepsOneFileWithTheSameMessageId_WhenTheSameMessageIsSentTwice()
    {
        await _sender.SendAsync(TestEmails.Ask(subject: "First"), CancellationToken.None);
        await _sender.SendAsync(TestEmails.Ask(subject: "Second"), CancellationToken.None);

        using var message = LoadOnly();
        Assert.That(message.Subject, Is.EqualTo("Second"));
        Assert.That(Path.GetFileName(_sender.PathFor("ask:1")), Is.EqualTo(Path.GetFileName(Directory.GetFiles(_directory).Single())));
    }

    [Test]
    public async Task SendAsync_WritesTwoFilesWithDifferentMessageIds_WhenTheKeysDiffer()
    {
        await _sender.SendAsync(TestEmails.Ask("ask:1"), CancellationToken.None);
        await _sender.SendAsync(TestEmails.Ask("ask:2"), CancellationToken.None);

        var ids = Directory.GetFiles(_directory).Select(f => MimeMessage.Load(f).MessageId).ToList();
        Assert.That(ids, Has.Count.EqualTo(2).And.Unique);
    }

    [Test]
    public async Task SendAsync_AddsNoHeader_WhenTheSubjectAndNameCarryLineBreaks()
    {
        var email = TestEmails.Ask(subject: "Hi\r\nBcc: x@evil.example") with
        {
            To = new EmailRecipient("anna@example.com", "Anna\r\nCc: y@evil.example"),
        };

        await _sender.SendAsync(email, CancellationToken.None);

        using var message = LoadOnly();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Bcc, Is.Empty);
            Assert.That(message.Cc, Is.Empty);
            Assert.That(message.Headers.Contains(HeaderId.Bcc), Is.False);
            Assert.That(message.Headers.Contains(HeaderId.Cc), Is.False);
            Assert.That(message.Subject, Does.Not.Contain("\r").And.Not.Contain("\n").And.StartWith("Hi"));
            Assert.That(message.To.Mailboxes.Single().Name, Does.Not.Contain("\n"));
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("anna@example.com"));
        }
    }

    [Test]
    public async Task SendAsync_LeavesOutListUnsubscribePost_WhenOneClickIsOff()
    {
        await _sender.SendAsync(TestEmails.Ask() with { OneClickUnsubscribe = false }, CancellationToken.None);

        using var message = LoadOnly();
        Assert.That(message.Headers.Contains("List-Unsubscribe-Post"), Is.False);
        Assert.That(message.Headers["List-Unsubscribe"], Is.Not.Null);
    }

    [Test]
    public async Task SendAsync_WritesExtraHeadersOnOneLine_WhenHeadersAreGiven()
    {
        var email = TestEmails.Ask() with { Headers = new Dictionary<string, string> { ["X-Referrals-Ask"] = "a1\r\nBcc: x@evil.example" } };

        await _sender.SendAsync(email, CancellationToken.None);

        using var message = LoadOnly();
        Assert.That(message.Headers["X-Referrals-Ask"], Does.StartWith("a1").And.Not.Contain("\n"));
        Assert.That(message.Bcc, Is.Empty);
    }

    [TestCase("Bcc")]
    [TestCase("message-id")]
    [TestCase("Bad Name")]
    [TestCase("X-Evil:")]
    public void SendAsync_RejectsTheHeader_WhenItIsReservedOrNotAHeaderName(string name)
    {
        var email = TestEmails.Ask() with { Headers = new Dictionary<string, string> { [name] = "x" } };

        Assert.ThrowsAsync<ArgumentException>(() => _sender.SendAsync(email, CancellationToken.None));
        Assert.That(Directory.Exists(_directory) && Directory.GetFiles(_directory).Length > 0, Is.False);
    }

    [Test]
    public void SendAsync_Rejects_WhenOneClickIsAskedWithoutALink() =>
        Assert.ThrowsAsync<ArgumentException>(() =>
            _sender.SendAsync(TestEmails.Ask() with { ListUnsubscribe = null }, CancellationToken.None));

    [TestCase("not an address")]
    [TestCase("anna@example.com\r\nBcc: x@evil.example")]
    [TestCase("")]
    public void SendAsync_Rejects_WhenTheRecipientAddressIsInvalid(string address) =>
        Assert.ThrowsAsync<ArgumentException>(() => _sender.SendAsync(TestEmails.Ask(to: address), CancellationToken.None));
}
