using Referrals.Testing.Shopify.Sandbox;

namespace Referrals.Testing.Faults;

/// <summary>
/// Delivers events the way a bad day at Shopify does: each one <see cref="Copies"/> times (retries share its ids),
/// about <see cref="ReorderShare"/> of the deliveries moved to a random place in the sequence, several at a time, and
/// each delivery repeated until the receiver accepts it (while the bridge is down, or answers 5xx, it is retried, as
/// Shopify retries). The sequence depends only on the seed.
/// </summary>
public sealed class WebhookStorm
{
    /// <summary>Deliveries per event.</summary>
    public const int Copies = 3;

    /// <summary>The share of deliveries moved out of order.</summary>
    public const double ReorderShare = 0.2;

    private const int Senders = 4;
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);
    private int _delivered;
    private int _refused;

    private WebhookStorm(IReadOnlyList<SandboxEvent> sequence, int moved)
    {
        Sequence = sequence;
        Moved = moved;
    }

    /// <summary>Every delivery, in the order they are started.</summary>
    public IReadOnlyList<SandboxEvent> Sequence { get; }

    /// <summary>How many deliveries were moved out of order.</summary>
    public int Moved { get; }

    /// <summary>Deliveries accepted so far.</summary>
    public int Delivered => Volatile.Read(ref _delivered);

    /// <summary>Attempts that failed (bridge down, connection cut, 5xx) and were retried.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Plans the deliveries of <paramref name="events"/>: copies follow their original a few places later, then a fifth are moved anywhere.</summary>
    public static WebhookStorm Plan(IReadOnlyList<SandboxEvent> events, Random random)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(random);
        var placed = new List<(double Position, SandboxEvent Event)>();
        for (var i = 0; i < events.Count; i++)
        {
            placed.Add((i, events[i]));
            for (var copy = 1; copy < Copies; copy++)
            {
                placed.Add((i + (copy * random.Next(1, 8)) + random.NextDouble(), events[i]));
            }
        }

        var sequence = placed.OrderBy(p => p.Position).Select(p => p.Event).ToList();
        var moves = (int)Math.Round(sequence.Count * ReorderShare);
        for (var m = 0; m < moves; m++)
        {
            var from = random.Next(sequence.Count);
            var item = sequence[from];
            sequence.RemoveAt(from);
            sequence.Insert(random.Next(sequence.Count + 1), item);
        }

        return new WebhookStorm(sequence, moves);
    }

    /// <summary>
    /// Delivers the whole sequence, spread over <paramref name="receivers"/> (several bridge instances behind one
    /// address, as a load balancer would: a retry goes to the next one); returns when every delivery was accepted.
    /// </summary>
    /// <exception cref="InvalidOperationException">A receiver refused a delivery with a 4xx (a bug, never retried).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> ended the storm.</exception>
    public async Task DeliverAsync(IReadOnlyList<SandboxWebhookSender> receivers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receivers);
        ArgumentOutOfRangeException.ThrowIfZero(receivers.Count);
        var next = -1;
        async Task SendLoopAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Sequence.Count)
            {
                await DeliverOneAsync(receivers, index, Sequence[index], cancellationToken);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(SendLoopAsync, cancellationToken)));
    }

    private async Task DeliverOneAsync(IReadOnlyList<SandboxWebhookSender> receivers, int index, SandboxEvent @event, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var delivery = await receivers[(index + attempt) % receivers.Count].DeliverAsync(@event, cancellationToken);
                if (delivery.Accepted)
                {
                    Interlocked.Increment(ref _delivered);
                    return;
                }

                if (delivery.StatusCode is >= 400 and < 500)
                {
                    throw new InvalidOperationException($"The bridge refused {@event.Topic} {@event.WebhookId} with HTTP {delivery.StatusCode}.");
                }
            }
            catch (HttpRequestException)
            {
                // The bridge is down or cut the connection: Shopify tries again later.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The client's own time-out.
            }

            Interlocked.Increment(ref _refused);
            await Task.Delay(RetryPause, cancellationToken);
        }
    }
}
