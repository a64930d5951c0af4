using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Referrals.Core.Email;

/// <summary>
/// Turns an <see cref="OutgoingEmail"/> into a MIME message: multipart/alternative (text, then HTML), a
/// <c>Message-Id</c> derived from the idempotency key, List-Unsubscribe headers, and no line breaks in any header text.
/// </summary>
internal static class EmailMessageBuilder
{
    private static readonly HashSet<string> _reservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date", "Message-Id", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "List-Unsubscribe", "List-Unsubscribe-Post",
    };

    /// <summary>32 lowercase hex characters from the SHA-256 of the key: the Message-Id's local part and the pickup file name.</summary>
    public static string StableId(string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(messageId), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    public static MimeMessage Build(OutgoingEmail email, EmailFromOptions from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(email.To);
        var sender = Mailbox(from.DisplayName, from.Address, "the sender (Referrals:Email:From:Address)");
        var recipient = Mailbox(email.To.DisplayName, email.To.Address, "the recipient");

        var message = new MimeMessage();
        message.From.Add(sender);
        message.To.Add(recipient);
        message.Subject = SingleLine(email.Subject);
        message.Date = now;
        message.MessageId = $"{StableId(email.MessageId)}@{Domain(sender.Address)}";
        AddUnsubscribe(message, email);
        AddExtraHeaders(message, email.Headers);
        message.Body = new BodyBuilder { TextBody = email.TextBody ?? "", HtmlBody = email.HtmlBody ?? "" }.ToMessageBody();
        return message;
    }

    /// <summary>Replaces every control character (CR, LF, tab, NUL …) by a space, so text cannot start a new header.</summary>
    public static string SingleLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
    }

    private static MailboxAddress Mailbox(string? displayName, string address, string who)
    {
        if (string.IsNullOrWhiteSpace(address) || address.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException($"The address of {who} is empty or contains a line break.", nameof(address));
        }

        try
        {
            var mailbox = new MailboxAddress(SingleLine(displayName), address.Trim());
            if (mailbox.Address.IndexOf('@', StringComparison.Ordinal) is <= 0 || mailbox.Address.EndsWith('@'))
            {
                throw new ArgumentException($"The address of {who} has no domain; use name@domain.", nameof(address));
            }

            return mailbox;
        }
        catch (ParseException ex)
        {
            throw new ArgumentException($"The address of {who} is not a valid e-mail address: {ex.Message}", nameof(address), ex);
        }
    }

    private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];

    private static void AddUnsubscribe(MimeMessage message, OutgoingEmail email)
    {
        if (email.ListUnsubscribe is not { } link)
        {
            if (email.OneClickUnsubscribe)
            {
                throw new ArgumentException("OneClickUnsubscribe needs ListUnsubscribe: set the contact's unsubscribe link.", nameof(email));
            }

            return;
        }

        if (!link.IsAbsoluteUri || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"ListUnsubscribe '{link.OriginalString}' must be an absolute https:// address.", nameof(email));
        }

        message.Headers.Add("List-Unsubscribe", $"<{link.AbsoluteUri}>");
        if (email.OneClickUnsubscribe)
        {
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
    }

    private static void AddExtraHeaders(MimeMessage message, IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null)
        {
            return;
        }

        foreach (var (name, value) in headers)
        {
            if (string.IsNullOrEmpty(name) || name.Any(c => c is < '!' or > '~' or ':'))
            {
                throw new ArgumentException($"'{SingleLine(name)}' is not a header name: use printable ASCII without spaces or colons, for example X-Referrals-Ask.", nameof(headers));
            }

            if (_reservedHeaders.Contains(name))
            {
                throw new ArgumentException($"The header {name} is set by the sender and cannot be given in Headers.", nameof(headers));
            }

            message.Headers.Add(name, SingleLine(value));
        }
    }
}
