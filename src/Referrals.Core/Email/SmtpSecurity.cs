namespace Referrals.Core.Email;

/// <summary>How the SMTP connection is protected (<c>Referrals:Email:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Connect in plain text and require STARTTLS before anything is sent (port 587).</summary>
    StartTls = 0,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 1,

    /// <summary>No TLS at all: only for a relay on the same machine or a test server.</summary>
    None = 2,
}
