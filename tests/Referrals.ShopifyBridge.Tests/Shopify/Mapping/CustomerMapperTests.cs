using Referrals.Core.Messaging;
using Referrals.ShopifyBridge.Shopify.Mapping;
using Referrals.ShopifyBridge.Shopify.Payloads;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.Shopify.Mapping;

public sealed class CustomerMapperTests
{
    private static CustomerPayload Read(byte[] body) =>
        ShopifyPayload.Read(Payloads.Message("customers/create", body), ShopifyJsonContext.Default.CustomerPayload);

    [Test]
    public void FromCustomerTopic_UsesTheGid_ForShopifysSampleCustomer()
    {
        var customer = CustomerMapper.FromCustomerTopic(Read(ShopifyFixtures.Read(ShopifyFixtures.OfficialCustomer)), "customers/create");

        Assert.That(customer.ExternalId, Is.EqualTo("gid://shopify/Customer/706405506930370084"), "not the rounded numeric id");
        Assert.That(customer.Email, Is.EqualTo("bob@biller.com"));
        Assert.That(customer.FirstName, Is.EqualTo("Bob"));
        Assert.That(customer.LastName, Is.EqualTo("Biller"));
        Assert.That(customer.Phone, Is.Null);
        Assert.That(customer.Address, Is.Null);
        Assert.That(customer.AcceptsMarketing, Is.True, "accepts_marketing counts when email_marketing_consent is null");
    }

    [Test]
    public void FromCustomerTopic_ThrowsAPermanentError_WhenTheCustomerHasNoId()
    {
        Assert.That(() => CustomerMapper.FromCustomerTopic(Read("""{"email": "x@example.com"}"""u8.ToArray()), "customers/update"),
            Throws.TypeOf<PermanentMessageException>().With.Message.StartsWith("The customers/update body has no 'admin_graphql_api_id'"));
    }

    [Test]
    public void FromCustomerTopic_CutsOverlongNames_ToTheEnginesColumnSize()
    {
        var customer = CustomerMapper.FromCustomerTopic(Read(ShopifyPayloads.Customer(5, "x@example.com", firstName: new string('n', 300))), "customers/create");

        Assert.That(customer.FirstName, Has.Length.EqualTo(200));
    }

    [Test]
    public void FromCustomerTopic_TakesTheDefaultOfTheAddresses_WhenNoDefaultAddressIsSent()
    {
        var customer = CustomerMapper.FromCustomerTopic(Read("""
            {"id": 5, "addresses": [{"address1": "Other 1", "city": "Odense"}, {"address1": "Home 2", "city": "Aalborg", "default": true}]}
            """u8.ToArray()), "customers/update");

        Assert.That(customer.Address?.Line1, Is.EqualTo("Home 2"));
    }
}
