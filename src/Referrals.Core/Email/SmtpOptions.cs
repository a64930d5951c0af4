namespace Referrals.Core.Email;

/// <summary>The SMTP server used when <see cref="EmailOptions.Mode"/> is <see cref="EmailDeliveryMode.Smtp"/> (<c>Referrals:Email:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>Default port: message submission with STARTTLS.</summary>
    public const int DefaultPort = 587;

    /// <summary>Default connection security.</summary>
    public const SmtpSecurity DefaultSecurity = SmtpSecurity.StartTls;

    /// <summary>Default seconds one network operation (connect, a command, the upload) may take.</summary>
    public const int DefaultTimeoutSeconds = 30;

    /// <summary>The server's host name; required in SMTP mode.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port. Default <see cref="DefaultPort"/>.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Connection security. Default <see cref="DefaultSecurity"/>.</summary>
    public SmtpSecurity Security { get; set; } = DefaultSecurity;

    /// <summary>The user to authenticate as; empty for no authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The password for <see cref="UserName"/>; keep it in a secret store or an environment variable.</summary>
    public string? Password { get; set; }

    /// <summary>Seconds one network operation may take before the attempt fails (and is retried later). Default <see cref="DefaultTimeoutSeconds"/>.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;
}
