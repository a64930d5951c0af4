using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Shopify.Mapping;

/// <summary>Turns Shopify customers (alone or inside an order) into the engine's <see cref="CustomerInfo"/>.</summary>
internal static class CustomerMapper
{
    // The engine's column sizes (names 200, e-mail 320, phone 50): longer values would fail the insert on PostgreSQL.
    private const int NameLength = 200;
    private const int EmailLength = 320;
    private const int PhoneLength = 50;

    /// <summary>The body of <c>customers/create</c> or <c>customers/update</c>.</summary>
    /// <exception cref="Core.Messaging.PermanentMessageException">The customer has no id.</exception>
    public static CustomerInfo FromCustomerTopic(CustomerPayload customer, string topic)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var info = ToCustomerInfo(customer, fallback: null);
        return info.ExternalId is null
            ? throw PayloadFields.Missing(topic, "admin_graphql_api_id", "a customer without an id cannot be matched to a contact")
            : info;
    }

    /// <summary>The buyer of an order: the embedded customer, completed from the order (guest checkouts have no customer).</summary>
    public static CustomerInfo FromOrder(OrderPayload order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return ToCustomerInfo(order.Customer ?? new CustomerPayload(), order);
    }

    /// <summary>Whether the engine can recognise this person again: an id or an e-mail.</summary>
    public static bool IsIdentifiable(CustomerInfo customer) => customer.ExternalId is not null || customer.Email is not null;

    private static CustomerInfo ToCustomerInfo(CustomerPayload customer, OrderPayload? fallback)
    {
        var address = AddressOf(customer, fallback);
        return new CustomerInfo
        {
            ExternalId = ShopifyGid.CustomerOrNull(customer.AdminGraphqlApiId, customer.Id),
            ExternalSystem = ContactExternalId.Shopify,
            Email = PayloadFields.Text(customer.Email ?? fallback?.Email ?? fallback?.ContactEmail, EmailLength),
            FirstName = PayloadFields.Text(customer.FirstName ?? address?.FirstName, NameLength),
            LastName = PayloadFields.Text(customer.LastName ?? address?.LastName, NameLength),
            Phone = PayloadFields.Text(customer.Phone ?? fallback?.Phone, PhoneLength),
            Address = ToPostalAddress(address),
            AcceptsMarketing = AcceptsMarketing(customer, fallback),
        };
    }

    // The customer's own address first, then where this order went.
    private static AddressPayload? AddressOf(CustomerPayload customer, OrderPayload? order) =>
        customer.DefaultAddress
        ?? customer.Addresses?.FirstOrDefault(a => a.Default == true)
        ?? customer.Addresses?.FirstOrDefault()
        ?? order?.ShippingAddress
        ?? order?.BillingAddress;

    private static PostalAddress? ToPostalAddress(AddressPayload? address)
    {
        if (address is null)
        {
            return null;
        }

        var postal = new PostalAddress(
            PayloadFields.Text(address.Address1, 200),
            PayloadFields.Text(address.Address2, 200),
            PayloadFields.Text(address.City, 200),
            PayloadFields.Text(address.Zip, 50),
            PayloadFields.Text(address.CountryCode, 2)?.ToUpperInvariant());
        return postal is { Line1: null, Line2: null, City: null, PostalCode: null, CountryCode: null } ? null : postal;
    }

    // The newest signal wins: the consent object, then the legacy flag, then the order's checkbox.
    private static bool? AcceptsMarketing(CustomerPayload customer, OrderPayload? order) =>
        customer.EmailMarketingConsent?.State is { } state
            ? string.Equals(state, "subscribed", StringComparison.OrdinalIgnoreCase)
            : customer.AcceptsMarketing ?? order?.BuyerAcceptsMarketing;
}
