using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;

namespace Referrals.Core.Messaging;

/// <summary>
/// A drain group's rows as its transaction first sees them, read together instead of one message at a time: which of
/// them this worker still holds, and which of their events an earlier delivery already had processed. Events the group
/// itself processes are added as it goes, so a second delivery of one event in the same group is a repeat too.
/// </summary>
internal sealed class InboxGroupRows
{
    private readonly Dictionary<long, InboxMessage> _held;
    private readonly HashSet<(string Source, string EventId, string Topic)> _processedEvents;

    private InboxGroupRows(Dictionary<long, InboxMessage> held, HashSet<(string Source, string EventId, string Topic)> processedEvents)
    {
        _held = held;
        _processedEvents = processedEvents;
    }

    /// <summary>
    /// Reads the rows of <paramref name="group"/> still claimed with their tokens, untracked (handlers read a message,
    /// they never change it; completing it is one conditional <c>UPDATE</c>), and the processed events among them: two
    /// statements per group.
    /// </summary>
    public static async Task<InboxGroupRows> ReadAsync(ReferralsDbContext db, IReadOnlyCollection<InboxMessage> group, CancellationToken cancellationToken)
    {
        var ids = group.Select(m => m.Id).ToList();
        var tokens = group.Select(m => m.ClaimToken).Distinct().ToList();
        var rows = await db.Inbox.AsNoTracking().Where(m => ids.Contains(m.Id) && tokens.Contains(m.ClaimToken)).ToListAsync(cancellationToken);
        var held = rows.Where(r => group.Any(c => c.Id == r.Id && c.ClaimToken == r.ClaimToken)).ToDictionary(r => r.Id);

        var processed = new HashSet<(string, string, string)>();
        foreach (var bySource in held.Values.Where(r => r.EventId is not null).GroupBy(r => r.Source))
        {
            var source = bySource.Key;
            var events = bySource.Select(r => r.EventId!).Distinct().ToList();
            var repeats = await db.Inbox.AsNoTracking()
                .Where(m => m.Source == source && events.Contains(m.EventId!) && m.ProcessedAt != null && !ids.Contains(m.Id))
                .Select(m => new { m.EventId, m.Topic })
                .ToListAsync(cancellationToken);
            processed.UnionWith(repeats.Select(r => (source, r.EventId!, r.Topic)));
        }

        return new InboxGroupRows(held, processed);
    }

    /// <summary>The row of <paramref name="claimed"/>, if this worker held its claim when the group began.</summary>
    public InboxMessage? Held(InboxMessage claimed) => _held.GetValueOrDefault(claimed.Id);

    /// <summary>Whether another delivery of the row's event was processed already (then handling it again is not needed).</summary>
    public bool IsRepeat(InboxMessage row) => row.EventId is not null && _processedEvents.Contains((row.Source, row.EventId, row.Topic));

    /// <summary>Records that the row's handling is committed to the group, so later deliveries of its event are repeats.</summary>
    public void Processed(InboxMessage row)
    {
        if (row.EventId is not null)
        {
            _processedEvents.Add((row.Source, row.EventId, row.Topic));
        }
    }
}
