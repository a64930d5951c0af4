namespace Referrals.Core.Tenants;

/// <summary>
/// A value a host remembers for a tenant under a name: the id of something it made once in the tenant's own system
/// (for a Shopify shop, the customer segment its friend discounts are limited to). One value per tenant and name.
/// </summary>
/// <remarks>Never personal data: names and ids of the business's own objects only.</remarks>
public sealed class TenantReference
{
    /// <summary>The longest <see cref="Name"/>.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The longest <see cref="Value"/>.</summary>
    public const int MaxValueLength = 255;

    /// <summary>Creates the reference.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="name">What is remembered, for example <c>shopify.first-order-segment</c>.</param>
    /// <param name="value">The remembered value, for example a <c>gid://</c>.</param>
    /// <param name="createdAt">When (UTC).</param>
    /// <exception cref="ArgumentException">The name or value is empty or too long.</exception>
    public TenantReference(Guid tenantId, string name, string value, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, MaxNameLength, nameof(name));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, MaxValueLength, nameof(value));
        TenantId = tenantId;
        Name = name;
        Value = value;
        CreatedAt = createdAt;
    }

    /// <summary>The tenant.</summary>
    public Guid TenantId { get; private set; }

    /// <summary>What is remembered.</summary>
    public string Name { get; private set; }

    /// <summary>The remembered value.</summary>
    public string Value { get; private set; }

    /// <summary>When it was remembered (UTC).</summary>
    public DateTimeOffset CreatedAt { get; private set; }
}
