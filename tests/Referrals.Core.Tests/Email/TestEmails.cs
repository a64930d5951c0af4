using Referrals.Core.Email;

namespace Referrals.Core.Tests.Email;

internal static class TestEmails
{
    public static readonly Uri Unsubscribe = new("https://shop.example/unsubscribe/abc-123");

    public static OutgoingEmail Ask(string messageId = "ask:1", string to = "anna@example.com", string subject = "Thank you, Anna") =>
        new(messageId, new EmailRecipient(to, "Anna Berg"), subject, "<p>Hello <b>Anna</b></p>", "Hello Anna")
        {
            ListUnsubscribe = Unsubscribe,
            OneClickUnsubscribe = true,
        };
}
