using Microsoft.EntityFrameworkCore;
using Referrals.Core.Messaging;

namespace Referrals.Core.Persistence;

/// <summary>The durable inbox's front door: insert-if-new by delivery id.</summary>
public sealed class InboxStore
{
    private readonly ReferralsDbContextFactory _factory;

    /// <summary>Creates the store.</summary>
    public InboxStore(ReferralsDbContextFactory factory)
    {
        _factory = factory;
    }

    /// <summary>Stores <paramref name="message"/> unless a message with the same source and delivery id exists.</summary>
    /// <returns>True when stored; false for a repeated delivery (nothing changes).</returns>
    /// <remarks>When this returns, the message is committed: it survives a crash and will be handled.</remarks>
    public async Task<bool> TryAddAsync(InboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = _factory.CreateDbContext();
        if (await db.Inbox.AnyAsync(m => m.Source == message.Source && m.DeliveryId == message.DeliveryId, cancellationToken))
        {
            return false;
        }

        db.Inbox.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Two deliveries raced; the other one won and holds the same bytes.
            return false;
        }
    }
}
