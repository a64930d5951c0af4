using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Shopify;
using Referrals.ShopifyBridge.Shopify.Mapping;
using Referrals.ShopifyBridge.Shopify.Payloads;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary><c>customers/create</c> and <c>customers/update</c>: finds or creates the contact by its customer GID, then e-mail.</summary>
internal sealed class CustomerChangedHandler : ShopifyInboxHandler
{
    private readonly ContactDirectory _contacts;

    public CustomerChangedHandler(ContactDirectory contacts, ILogger<CustomerChangedHandler> logger)
        : base(logger)
    {
        _contacts = contacts;
    }

    public override bool Handles(string topic) => topic is ShopifyTopics.CustomersCreate or ShopifyTopics.CustomersUpdate;

    protected override async Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var customer = CustomerMapper.FromCustomerTopic(ShopifyPayload.Read(message, ShopifyJsonContext.Default.CustomerPayload), message.Topic);
        var contact = await _contacts.UpsertAsync(db, tenant.Id, customer, ContactKind.Client, cancellationToken);
        Logger.LogInformation("Shopify {Topic} for {Shop}: contact {ContactId}", message.Topic, tenant.Key, contact.Id);
    }
}
