using System.Diagnostics;
using System.Globalization;
using System.Text;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;

namespace Referrals.Benchmarks.Throughput;

/// <summary>
/// The inbox path's stand-in for a host's <c>orders/paid</c> handler: the payload is the workload's order number, so
/// no JSON is parsed; the tenant is looked up by the message's key and the engine called in the drain's transaction.
/// </summary>
public sealed class BenchPaidOrderHandler : IInboxHandler
{
    public const string BenchSource = "bench";

    public const string PaidTopic = "orders/paid";

    /// <summary>Set once the workload exists, before anything is drained.</summary>
    public OrderRecorder? Recorder { get; set; }

    public string Source => BenchSource;

    public bool Handles(string topic) => topic == PaidTopic;

    public async Task HandleAsync(InboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var recorder = Recorder ?? throw new InvalidOperationException("The handler has no recorder yet.");
        var index = int.Parse(Encoding.UTF8.GetString(message.Payload), NumberStyles.None, CultureInfo.InvariantCulture);
        var tally = recorder.NewTally();
        var drainTally = SqlCounter.Current;
        SqlCounter.Current = tally;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var tenant = await TenantDirectory.FindForReadingAsync(db, message.TenantKey, cancellationToken)
                ?? throw new PermanentMessageException($"No tenant '{message.TenantKey}'.");
            var outcome = await recorder.Processor.ProcessPaidAsync(db, tenant, recorder.NextOrder(index), cancellationToken);
            recorder.Record(index, Stopwatch.GetTimestamp() - started, outcome.Status, tally);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            recorder.RecordFailure(index, ex);
            throw;
        }
        finally
        {
            SqlCounter.Current = drainTally;
        }
    }
}
