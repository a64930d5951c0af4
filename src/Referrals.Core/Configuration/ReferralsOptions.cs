using Referrals.Core.Email;
using Referrals.Core.Tenants;

namespace Referrals.Core.Configuration;

/// <summary>
/// Everything the engine reads from the <c>Referrals</c> configuration section. Environment variables override it
/// (<c>Referrals__Storage__Provider=PostgreSql</c>). Validated at start-up by <see cref="ReferralsOptionsValidator"/>.
/// </summary>
public sealed class ReferralsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Referrals";

    /// <summary>Storage.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>Background jobs.</summary>
    public JobOptions Jobs { get; set; } = new();

    /// <summary>E-mail delivery.</summary>
    public EmailOptions Email { get; set; } = new();

    /// <summary>Links in e-mails: public address and signing key.</summary>
    public LinkOptions Links { get; set; } = new();

    /// <summary>The program defaults new tenants start with.</summary>
    public ProgramSettings Program { get; set; } = new();
}
