namespace Referrals.Core.Email;

/// <summary>The sender of every message (<c>Referrals:Email:From</c>).</summary>
public sealed class EmailFromOptions
{
    /// <summary>Default sender address: fine for the pickup directory, to be replaced before sending over SMTP.</summary>
    public const string DefaultAddress = "referrals@localhost";

    /// <summary>Default sender display name.</summary>
    public const string DefaultDisplayName = "Referrals";

    /// <summary>The sender address. Default <see cref="DefaultAddress"/>.</summary>
    public string Address { get; set; } = DefaultAddress;

    /// <summary>The name shown beside the address; empty for none. Default <see cref="DefaultDisplayName"/>.</summary>
    public string DisplayName { get; set; } = DefaultDisplayName;
}
