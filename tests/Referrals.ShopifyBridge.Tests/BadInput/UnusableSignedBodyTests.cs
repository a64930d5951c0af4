using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.Tests.Webhooks;
using Referrals.Testing.Databases;
using Referrals.Testing.Shopify;

namespace Referrals.ShopifyBridge.Tests.BadInput;

/// <summary>
/// Correctly signed webhooks whose body can never be used: the receiver stores them (it verifies, it does not parse),
/// and the first drain dead-letters them with a clear error, without a crash, a retry, or any other row changing, on
/// SQLite and on PostgreSQL.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class UnusableSignedBodyTests
{
    private readonly StorageProvider _provider;
    private WebhookBridge _bridge = null!;

    public UnusableSignedBodyTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private static IEnumerable<TestCaseData> Bodies()
    {
        var order = ShopifyFixtures.Read(ShopifyFixtures.SyntheticPaidOrder);
        yield return new TestCaseData("orders/paid", Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000))).SetName("Drain_DeadLetters_TenThousandNestedArrays");
        yield return new TestCaseData("orders/paid", Encoding.ASCII.GetBytes("{\"id\":1,\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}"))
            .SetName("Drain_DeadLetters_TenThousandNestedArraysInsideAnOrder");
        yield return new TestCaseData("orders/paid", order[..(order.Length / 2)]).SetName("Drain_DeadLetters_ATruncatedOrder");
        yield return new TestCaseData("orders/paid", "<html>not json</html>"u8.ToArray()).SetName("Drain_DeadLetters_ANonJsonOrder");
        yield return new TestCaseData("orders/paid", "null"u8.ToArray()).SetName("Drain_DeadLetters_AJsonNullOrder");
        yield return new TestCaseData("orders/paid", "[1,2,3]"u8.ToArray()).SetName("Drain_DeadLetters_AnArrayInsteadOfAnOrder");
        yield return new TestCaseData("refunds/create", Encoding.ASCII.GetBytes(new string('{', 1) + string.Concat(Enumerable.Repeat("\"a\":{", 5_000)) + "}" + new string('}', 5_000)))
            .SetName("Drain_DeadLetters_FiveThousandNestedObjectsInARefund");
        yield return new TestCaseData("customers/update", new byte[] { 0xFF, 0xFE, 0x00, 0x7B }).SetName("Drain_DeadLetters_BinaryCustomerBody");
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await WebhookBridge.StartAsync(_provider);
        await _bridge.ConnectShopAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [TestCaseSource(nameof(Bodies))]
    public async Task Drain_DeadLettersWithAClearError_WhenASignedBodyCannotBeRead(string topic, byte[] body)
    {
        var before = await _bridge.QueryAsync(db => RowCountSnapshot.TakeAsync(db));

        var response = await _bridge.SendAsync(WebhookBridge.Delivery(topic, body));
        var drained = await _bridge.DrainAsync();
        var again = await _bridge.DrainAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the signature is right; Shopify must not retry");
        Assert.That(drained.DeadLettered, Is.EqualTo(1), drained.ToString());
        Assert.That(again.Claimed, Is.Zero, "a dead letter is not retried");
        var row = await _bridge.QueryAsync(db => db.Inbox.AsNoTracking().SingleAsync());
        Assert.That(row.DeadLetteredAt, Is.Not.Null);
        Assert.That(row.Attempts, Is.EqualTo(1));
        Assert.That(row.LastError, Does.Contain(topic).And.Contain("body"), "the error names what could not be read");
        Assert.That(row.LastError, Does.Not.Contain("[[[[").And.Not.Contain("not json"), "the body is never copied into the error");
        var after = await _bridge.QueryAsync(db => RowCountSnapshot.TakeAsync(db));
        Assert.That(after.ChangesSince(before), Is.EqualTo(new[] { $"InboxMessages: {before.Counts["InboxMessages"]} → {before.Counts["InboxMessages"] + 1}" }),
            "only the stored delivery itself");
    }
}
