using Microsoft.Extensions.Logging;

namespace Referrals.Core.Email;

/// <summary>Picks the <see cref="IEmailSender"/> that <see cref="EmailOptions.Mode"/> asks for.</summary>
public static class EmailSenderFactory
{
    /// <summary>Creates the sender for <paramref name="options"/>.</summary>
    /// <param name="options">The validated e-mail options.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="loggerFactory">Creates the SMTP sender's logger; none when null.</param>
    /// <returns>A <see cref="PickupDirectoryEmailSender"/> or an <see cref="SmtpEmailSender"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options do not describe a usable sender (unknown mode, no host, no directory).</exception>
    public static IEmailSender Create(EmailOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Mode switch
        {
            EmailDeliveryMode.Pickup => new PickupDirectoryEmailSender(options, timeProvider),
            EmailDeliveryMode.Smtp => new SmtpEmailSender(options, timeProvider, loggerFactory?.CreateLogger<SmtpEmailSender>()),
            _ => throw new ArgumentException($"Referrals:Email:Mode '{options.Mode}' is not a delivery mode. Use Pickup or Smtp.", nameof(options)),
        };
    }
}
