namespace Referrals.Core.Email;

/// <summary>How e-mail leaves the engine (<c>Referrals:Email:Mode</c>).</summary>
public enum EmailDeliveryMode
{
    /// <summary>Write one <c>.eml</c> file per message into a directory (the embedded default; nothing is sent).</summary>
    Pickup = 0,

    /// <summary>Send through an SMTP server.</summary>
    Smtp = 1,
}
