namespace Referrals.Core.Email;

/// <summary>
/// How the engine delivers e-mail (<c>Referrals:Email</c>). Validated at start-up by
/// <see cref="Configuration.ReferralsOptionsValidator"/>.
/// </summary>
public sealed class EmailOptions
{
    /// <summary>Default delivery: a pickup directory, so a fresh install sends nothing by accident.</summary>
    public const EmailDeliveryMode DefaultMode = EmailDeliveryMode.Pickup;

    /// <summary>Default pickup directory, relative to the working directory.</summary>
    public const string DefaultPickupDirectory = "data/mail-pickup";

    /// <summary>Pickup (default) or SMTP. Default <see cref="DefaultMode"/>.</summary>
    public EmailDeliveryMode Mode { get; set; } = DefaultMode;

    /// <summary>Where <see cref="EmailDeliveryMode.Pickup"/> writes <c>.eml</c> files. Default <see cref="DefaultPickupDirectory"/>.</summary>
    public string PickupDirectory { get; set; } = DefaultPickupDirectory;

    /// <summary>The sender of every message.</summary>
    public EmailFromOptions From { get; set; } = new();

    /// <summary>The SMTP server, used in <see cref="EmailDeliveryMode.Smtp"/> mode.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// The secret that signs per-contact unsubscribe links (<see cref="UnsubscribeLinks"/>), base64, at least
    /// <see cref="UnsubscribeLinks.MinimumKeyBytes"/> bytes; empty when the host passes its own key.
    /// </summary>
    public string? UnsubscribeKey { get; set; }
}
