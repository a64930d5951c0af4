namespace Referrals.Core.Tenants;

/// <summary>
/// One program owner: an Umbraco site or a Shopify shop. Every other row carries its <see cref="Id"/>.
/// </summary>
public sealed class Tenant
{
    /// <summary>Creates a tenant.</summary>
    /// <param name="key">The stable host key: the shop's <c>*.myshopify.com</c> domain or the site's key.</param>
    /// <param name="kind">The kind of host.</param>
    /// <param name="displayName">A name people recognise.</param>
    /// <param name="createdAt">When it was created (UTC).</param>
    /// <exception cref="ArgumentException">The key or name is empty.</exception>
    public Tenant(string key, TenantKind kind, string displayName, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Id = Guid.CreateVersion7();
        Key = key.Trim().ToLowerInvariant();
        Kind = kind;
        DisplayName = displayName;
        CreatedAt = createdAt;
    }

    /// <summary>The tenant's id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The stable host key, lower-case (a shop domain or a site key). Unique.</summary>
    public string Key { get; private set; }

    /// <summary>The kind of host.</summary>
    public TenantKind Kind { get; private set; }

    /// <summary>A name people recognise.</summary>
    public string DisplayName { get; set; }

    /// <summary>Whether the engine acts for this tenant.</summary>
    public TenantState State { get; private set; }

    /// <summary>When the tenant was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the host uninstalled the app, if it did.</summary>
    public DateTimeOffset? UninstalledAt { get; private set; }

    /// <summary>The program's settings. Replace the whole object to change them; validate first.</summary>
    public ProgramSettings Settings { get; set; } = new();

    /// <summary>
    /// Whether the host forwards the tenant's storefront links to the engine (Shopify's app proxy), so referral links
    /// can live on the tenant's own storefront. True by default; false for a shop connected as a custom app, which
    /// cannot have an app proxy. Set by the host whenever the tenant is (re)connected.
    /// </summary>
    public bool HasStorefrontProxy { get; set; } = true;

    /// <summary>Stops all effects for this tenant. Calling it again keeps the first time.</summary>
    public void MarkUninstalled(DateTimeOffset at)
    {
        if (State == TenantState.Uninstalled)
        {
            return;
        }

        State = TenantState.Uninstalled;
        UninstalledAt = at;
    }

    /// <summary>Resumes the program after a re-install.</summary>
    public void MarkReinstalled()
    {
        State = TenantState.Active;
        UninstalledAt = null;
    }
}
