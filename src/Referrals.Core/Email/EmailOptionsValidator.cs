using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace Referrals.Core.Email;

/// <summary>
/// The checks of <see cref="EmailOptions"/>, run by <see cref="Configuration.ReferralsOptionsValidator"/>. Each message
/// names the key and the fix; the SMTP password is never part of a message.
/// </summary>
internal static class EmailOptionsValidator
{
    private const string Section = $"{Configuration.ReferralsOptions.SectionName}:Email";

    public static IEnumerable<string> Validate(EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Mode))
        {
            yield return $"{Section}:Mode: '{options.Mode}' is not a delivery mode. Use Pickup (write .eml files) or Smtp.";
        }

        if (options.Mode == EmailDeliveryMode.Pickup && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            yield return $"{Section}:PickupDirectory is empty. Set a writable directory, for example \"{EmailOptions.DefaultPickupDirectory}\".";
        }

        var from = options.From ?? new EmailFromOptions();
        if (!IsValidAddress(from.Address))
        {
            yield return $"{Section}:From:Address: '{from.Address}' is not a valid e-mail address. Use the address messages come from, for example \"referrals@your-shop.example\".";
        }
        else if (options.Mode == EmailDeliveryMode.Smtp && string.Equals(from.Address, EmailFromOptions.DefaultAddress, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{Section}:From:Address is still the placeholder '{EmailFromOptions.DefaultAddress}', which SMTP servers reject. Set an address of your own domain.";
        }

        if (from.DisplayName is { } name && name.AsSpan().ContainsAny('\r', '\n'))
        {
            yield return $"{Section}:From:DisplayName contains a line break. Use a single line, for example \"{EmailFromOptions.DefaultDisplayName}\".";
        }

        if (options.Mode == EmailDeliveryMode.Smtp)
        {
            foreach (var failure in ValidateSmtp(options.Smtp ?? new SmtpOptions()))
            {
                yield return failure;
            }
        }

        if (!string.IsNullOrEmpty(options.UnsubscribeKey) && !UnsubscribeLinks.TryDecodeKey(options.UnsubscribeKey, out _))
        {
            yield return $"{Section}:UnsubscribeKey must be base64 of at least {UnsubscribeLinks.MinimumKeyBytes} random bytes. Generate one with `openssl rand -base64 {UnsubscribeLinks.MinimumKeyBytes}`.";
        }
    }

    private static IEnumerable<string> ValidateSmtp(SmtpOptions smtp)
    {
        const string key = $"{Section}:Smtp";
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            yield return $"{key}:Host is empty, and Mode is Smtp. Set the SMTP server's host name (for example \"smtp.your-provider.example\"), or set {Section}:Mode to Pickup.";
        }

        if (smtp.Port is < 1 or > 65535)
        {
            yield return $"{key}:Port: {smtp.Port} is outside 1-65535. Use {SmtpOptions.DefaultPort} (STARTTLS) or 465 (SslOnConnect).";
        }

        if (!Enum.IsDefined(smtp.Security))
        {
            yield return $"{key}:Security: '{smtp.Security}' is not a security mode. Use StartTls, SslOnConnect or None.";
        }

        if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
        {
            yield return string.IsNullOrEmpty(smtp.UserName)
                ? $"{key}:Password is set but {key}:UserName is empty. Set both to authenticate, or neither."
                : $"{key}:UserName is set but {key}:Password is empty. Set the password (from a secret store or the environment variable Referrals__Email__Smtp__Password), or clear the user name.";
        }

        if (smtp.TimeoutSeconds is < 1 or > 600)
        {
            yield return $"{key}:TimeoutSeconds: {smtp.TimeoutSeconds} is outside 1-600. {SmtpOptions.DefaultTimeoutSeconds} is the default.";
        }
    }

    private static bool IsValidAddress([NotNullWhen(true)] string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && !address.AsSpan().ContainsAny('\r', '\n')
        && MailboxAddress.TryParse(address, out var mailbox)
        && mailbox is not null
        && string.IsNullOrEmpty(mailbox.Name)
        && mailbox.Address.Contains('@', StringComparison.Ordinal)
        && !mailbox.Address.StartsWith('@')
        && !mailbox.Address.EndsWith('@');
}
