using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Orders;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Plans the fulfilment ask of a paid, delivered order. One order gets one ask: when the program asks after fulfilment,
/// the order's purchase ask is withdrawn if it is still waiting, because the delivered customer is the one to ask (the
/// purchase ask was only the best guess at that moment). An ask already sent stays sent; the frequency cap then decides.
/// </summary>
internal static class FulfilmentAsks
{
    /// <summary>Plans the ask when the order is paid, fulfilled, not cancelled and has a buyer; otherwise does nothing.</summary>
    /// <remarks>Idempotent: the ask is keyed by the order id, and only a still-scheduled purchase ask is withdrawn.</remarks>
    public static async Task PlanAsync(ReferralsDbContext db, AskScheduler scheduler, Tenant tenant, Order order, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (order is not { PaidAt: not null, FulfilledAt: { } fulfilledAt, CancelledAt: null, ContactId: { } buyerId })
        {
            return;
        }

        if (tenant.Settings.Timeline.Fulfilment.Enabled)
        {
            var purchaseAsk = await db.Asks.FirstOrDefaultAsync(
                a => a.TenantId == tenant.Id && a.ContactId == buyerId && a.Trigger == AskTrigger.Purchase && a.SourceKey == order.ExternalId
                    && a.State == AskState.Scheduled,
                cancellationToken);
            if (purchaseAsk is not null)
            {
                purchaseAsk.Cancel(now);

                // Saved first: the planner reads the contact's open asks from the database.
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await scheduler.ScheduleAsync(db, tenant, buyerId, AskTrigger.Fulfilment, order.ExternalId, fulfilledAt, cancellationToken);
    }
}
