using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.ShopifyBridge.Webhooks.Handlers;

/// <summary>
/// What every Shopify inbox handler shares: its source, finding the shop's tenant, and leaving uninstalled shops alone.
/// </summary>
/// <remarks>
/// Runs at least once per delivery, in any order relative to other topics (see <see cref="IInboxHandler"/>); the engine's
/// unique keys make repeats harmless. Changes made to the given context are committed with the message's processed mark.
/// </remarks>
internal abstract class ShopifyInboxHandler : IInboxHandler
{
    protected ShopifyInboxHandler(ILogger logger)
    {
        Logger = logger;
    }

    public string Source => ShopifyWebhookReceiver.Source;

    /// <summary>Whether the handler also runs for a shop that uninstalled the app (privacy requests must still be honoured).</summary>
    protected virtual bool RunsForUninstalledShops => false;

    /// <summary>
    /// Whether the handler only reads the tenant (its settings, its state). Such handlers get one untracked tenant per drain
    /// group (<see cref="TenantDirectory.FindForReadingAsync"/>), which spares every change-detection pass the comparison of
    /// the settings; a handler that changes the tenant must leave this false, or its change is not saved.
    /// </summary>
    protected virtual bool OnlyReadsTenant => false;

    protected ILogger Logger { get; }

    public abstract bool Handles(string topic);

    /// <exception cref="PermanentMessageException">No tenant has the message's shop domain, or the body cannot be used.</exception>
    public async Task HandleAsync(InboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(message.TenantKey))
        {
            throw new PermanentMessageException($"The {message.Topic} message names no shop.");
        }

        var tenant = await (OnlyReadsTenant
                ? TenantDirectory.FindForReadingAsync(db, message.TenantKey, cancellationToken)
                : TenantDirectory.FindAsync(db, message.TenantKey, cancellationToken))
            ?? throw new PermanentMessageException(
                $"No connected shop is '{message.TenantKey}', so the {message.Topic} webhook cannot be applied. Connect the shop, then re-queue the message.");
        if (tenant.State != TenantState.Active && !RunsForUninstalledShops)
        {
            Logger.LogInformation("Skipped Shopify {Topic} (inbox row {MessageId}): {Shop} uninstalled the app", message.Topic, message.Id, tenant.Key);
            return;
        }

        await HandleAsync(message, db, tenant, cancellationToken);
    }

    /// <summary>Handles the message for its (active, unless <see cref="RunsForUninstalledShops"/>) tenant.</summary>
    protected abstract Task HandleAsync(InboxMessage message, ReferralsDbContext db, Tenant tenant, CancellationToken cancellationToken);
}
