using MimeKit;

namespace Referrals.Testing.Email;

/// <summary>One message the test SMTP server accepted: the envelope and the parsed message.</summary>
public sealed record ReceivedEmail(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message);
