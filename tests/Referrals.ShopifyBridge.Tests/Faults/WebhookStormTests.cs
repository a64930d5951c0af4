using System.Text;
using Referrals.Testing.Faults;
using Referrals.Testing.Shopify.Sandbox;

namespace Referrals.ShopifyBridge.Tests.Faults;

public sealed class WebhookStormTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    [Test]
    public void Plan_DeliversEveryEventThreeTimes_AndMovesAFifthOfTheDeliveries()
    {
        var events = Enumerable.Range(0, 50).Select(i => SandboxEvent.Create("orders/paid", Encoding.UTF8.GetBytes($"{{\"id\":{i}}}"), At)).ToList();

        var storm = WebhookStorm.Plan(events, new Random(7));

        Assert.That(storm.Sequence, Has.Count.EqualTo(150));
        Assert.That(storm.Sequence.GroupBy(e => e.WebhookId).Select(g => g.Count()), Is.All.EqualTo(WebhookStorm.Copies));
        Assert.That(storm.Moved, Is.EqualTo(30));
        var firstSeen = storm.Sequence.Select(e => e.WebhookId).Distinct().ToList();
        Assert.That(firstSeen, Is.Not.EqualTo(events.Select(e => e.WebhookId).ToList()), "some events arrive before earlier ones");
    }

    [Test]
    public void Plan_IsTheSameForTheSameSeed()
    {
        var events = Enumerable.Range(0, 20).Select(i => SandboxEvent.Create("refunds/create", Encoding.UTF8.GetBytes($"{{\"id\":{i}}}"), At)).ToList();

        var first = WebhookStorm.Plan(events, new Random(42)).Sequence.Select(e => e.WebhookId);
        var second = WebhookStorm.Plan(events, new Random(42)).Sequence.Select(e => e.WebhookId);

        Assert.That(second, Is.EqualTo(first));
    }
}
