using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Testing.Databases;
using Referrals.Testing.Faults;
using Referrals.Testing.Shopify.FakeAdminApi;
using Referrals.Testing.Shopify.Sandbox;

namespace Referrals.ShopifyBridge.Tests.Faults;

/// <summary>
/// One fault run: a sandbox store whose Admin API fails a share of calls (seeded), a database, one or more
/// <see cref="FaultBridge"/> processes over it, and a <see cref="FaultScenario"/>. The test delivers the paid orders,
/// waits until every reward is paid, delivers the refunds and cancellations, waits until every claw-back is collected,
/// and asserts the end state from the database and from the store's own record. Every wait is bounded; a run that
/// does not settle fails with what it saw.
/// </summary>
internal sealed class FaultRun : IAsyncDisposable
{
    /// <summary>The longest one phase may take to settle before the run fails.</summary>
    public static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(3);

    private static readonly FakeFault[] InjectedFaults =
    [
        FakeFault.Throttled, FakeFault.Http429, FakeFault.Http500, FakeFault.Http502, FakeFault.Http503, FakeFault.Hang,
        FakeFault.Http502AfterApplying, FakeFault.HangAfterApplying,
    ];

    private readonly string _directory;
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    private FaultRun(int seed, TestDatabase database, SandboxStore store, string directory, IReadOnlyList<FaultBridge> bridges)
    {
        Seed = seed;
        Database = database;
        Store = store;
        _directory = directory;
        Bridges = bridges;
        Random = new Random(seed);
    }

    public int Seed { get; }

    public Random Random { get; }

    public TestDatabase Database { get; }

    public SandboxStore Store { get; }

    public IReadOnlyList<FaultBridge> Bridges { get; }

    public FaultScenario Scenario { get; private set; } = null!;

    public int Deliveries { get; private set; }

    public int Reordered { get; private set; }

    public int RefusedDeliveries { get; private set; }

    public int DatabaseRestarts { get; set; }

    public TimeSpan Elapsed => _watch.Elapsed;

    /// <summary>Starts the store, the database and <paramref name="instances"/> bridges, and generates the scenario.</summary>
    public static async Task<FaultRun> StartAsync(StorageProvider provider, int seed, int advocates, int orders, int instances, string jobStorage,
        double failureRate, CancellationToken cancellationToken)
    {
        TestContext.Progress.WriteLine($"[faults] seed {seed} ({provider}, {instances} instance(s), {advocates} advocates, {orders} referred orders)");
        var directory = Path.Combine(Path.GetTempPath(), "referrals-faults-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var store = await SandboxStore.StartAsync(TimeProvider.System, currency: FaultRewards.Currency, cancellationToken: cancellationToken);
        store.AdminApi.Options.RetryAfter = TimeSpan.FromMilliseconds(200);
        store.AdminApi.Options.HangLimit = TimeSpan.FromSeconds(10);
        var database = await TestDatabase.CreateAsync(provider, cancellationToken);
        var people = FaultScenario.AddAdvocates(store, advocates);
        var seedFile = Path.Combine(directory, "advocates.csv");
        await File.WriteAllLinesAsync(seedFile, people.Select(a => $"{a.Email},{a.FirstName},{a.Gid}"), cancellationToken);
        var bridges = Enumerable.Range(0, instances).Select(_ => new FaultBridge(database, store, directory, seedFile, jobStorage)).ToList();
        var run = new FaultRun(seed, database, store, directory, bridges);
        // The first instance seeds the shop before it answers; the others find it seeded.
        foreach (var bridge in bridges)
        {
            await bridge.StartAsync(cancellationToken);
        }

        store.AdminApi.FailRandomly(failureRate, seed, InjectedFaults);
        var codes = await run.QueryAsync(async db =>
            await (from code in db.ReferralCodes
                   join id in db.ContactExternalIds on code.AdvocateContactId equals id.ContactId
                   where id.System == ContactExternalId.Shopify
                   select new { id.Value, code.Display }).ToDictionaryAsync(x => x.Value, x => x.Display, cancellationToken));
        run.Scenario = FaultScenario.Generate(store, seed, people, a => codes[a.Gid], orders);
        return run;
    }

    /// <summary>Delivers <paramref name="events"/> as a <see cref="WebhookStorm"/> over every bridge, running <paramref name="meanwhile"/> alongside.</summary>
    public async Task StormAsync(IReadOnlyList<SandboxEvent> events, Func<WebhookStorm, Task> meanwhile, CancellationToken cancellationToken)
    {
        var storm = WebhookStorm.Plan(events, Random);
        var senders = Bridges.Select(b => new SandboxWebhookSender(b.Client, Store.Domain, Store.Secret, TimeProvider.System)).ToList();
        await Task.WhenAll(storm.DeliverAsync(senders, cancellationToken), meanwhile(storm));
        Deliveries += storm.Sequence.Count;
        Reordered += storm.Moved;
        RefusedDeliveries += storm.Refused;
    }

    /// <summary>Waits (bounded) until the store holds <paramref name="credits"/> credits and <paramref name="debits"/> debits and no work is left in the database.</summary>
    public async Task SettleAsync(int credits, int debits, CancellationToken cancellationToken)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            var record = Store.StoreCreditTransactions;
            var (live, dead) = await QueryAsync(async db => (
                await db.Inbox.CountAsync(m => m.ProcessedAt == null && m.DeadLetteredAt == null, cancellationToken)
                    + await db.Outbox.CountAsync(m => m.ProcessedAt == null && m.DeadLetteredAt == null, cancellationToken),
                await db.Inbox.CountAsync(m => m.DeadLetteredAt != null, cancellationToken) + await db.Outbox.CountAsync(m => m.DeadLetteredAt != null, cancellationToken)));
            var seenCredits = record.Count(t => t.Kind == FakeStoreCreditKind.Credit);
            var seenDebits = record.Count(t => t.Kind == FakeStoreCreditKind.Debit);
            if (dead > 0 || seenCredits > credits || seenDebits > debits)
            {
                Assert.Fail($"{Describe()}\nThe run went wrong: {dead} dead-lettered row(s), {seenCredits}/{credits} credits, {seenDebits}/{debits} debits.\n{await DeadLettersAsync()}");
            }

            if (live == 0 && seenCredits == credits && seenDebits == debits)
            {
                return;
            }

            if (limit.Elapsed > SettleLimit)
            {
                // The end-state assertions name what is missing, advocate by advocate, when the work simply ran out.
                if (live == 0)
                {
                    await AssertEndStateAsync(cancellationToken);
                }

                Assert.Fail($"{Describe()}\nNot settled within {SettleLimit}: {live} live inbox/outbox row(s), {seenCredits}/{credits} credits, {seenDebits}/{debits} debits.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Asserts the exact end state: database (inbox, outbox, ledger) and the store's own record.</summary>
    public async Task AssertEndStateAsync(CancellationToken cancellationToken)
    {
        var events = Scenario.PaidEvents.Count + Scenario.LaterEvents.Count;
        var expectedCredits = Scenario.ExpectedCredits();
        var expectedDebits = Scenario.ExpectedDebits();
        var state = await QueryAsync(async db => new
        {
            InboxRows = await db.Inbox.CountAsync(cancellationToken),
            InboxProcessed = await db.Inbox.CountAsync(m => m.ProcessedAt != null, cancellationToken),
            OutboxUnfinished = await db.Outbox.CountAsync(m => m.ProcessedAt == null, cancellationToken),
            Ledger = await (from entry in db.Ledger
                            join id in db.ContactExternalIds on entry.ContactId equals id.ContactId
                            where id.System == ContactExternalId.Shopify
                            select new { Gid = id.Value, entry.Type, entry.State, entry.Amount, entry.ExternalRef }).ToListAsync(cancellationToken),
            Codes = await (from code in db.ReferralCodes
                           join id in db.ContactExternalIds on code.AdvocateContactId equals id.ContactId
                           where id.System == ContactExternalId.Shopify
                           select new { id.Value, code.Display }).ToDictionaryAsync(x => x.Value, x => x.Display, cancellationToken),
        });
        var context = Describe();
        Assert.Multiple(() =>
        {
            Assert.That(state.InboxRows, Is.EqualTo(events), $"{context}\none inbox row per event, however often it was delivered");
            Assert.That(state.InboxProcessed, Is.EqualTo(events), $"{context}\nevery inbox row processed (none lost, none dead-lettered)");
            Assert.That(state.OutboxUnfinished, Is.Zero, $"{context}\nevery outbox message carried out");
            foreach (var advocate in Scenario.Advocates)
            {
                var ledger = state.Ledger.Where(e => e.Gid == advocate.Gid).ToList();
                var record = Store.StoreCreditTransactionsOf(advocate);
                var credits = record.Where(t => t.Kind == FakeStoreCreditKind.Credit).ToList();
                var debits = record.Where(t => t.Kind == FakeStoreCreditKind.Debit).Select(t => t.Amount).Order().ToArray();
                var who = $"{context}\n{advocate.Email}";
                Assert.That(ledger.Count(e => e.Type == LedgerEntryType.Reward), Is.EqualTo(expectedCredits[advocate.Gid]), $"{who}: one reward per referred order");
                Assert.That(ledger.Where(e => e.Type == LedgerEntryType.Reward).Select(e => e.State), Is.All.EqualTo(LedgerEntryState.Issued), $"{who}: every reward paid");
                Assert.That(ledger.Where(e => e.Type == LedgerEntryType.ClawBack).Select(e => e.Amount).Order().ToArray(),
                    Is.EqualTo(expectedDebits[advocate.Gid].Select(d => -d).Order().ToArray()), $"{who}: one claw-back per refund or cancellation");
                Assert.That(ledger.Where(e => e.Type == LedgerEntryType.ClawBack).Select(e => e.State), Is.All.EqualTo(LedgerEntryState.Issued), $"{who}: every claw-back collected");
                Assert.That(credits, Has.Count.EqualTo(expectedCredits[advocate.Gid]), $"{who}: the store's record shows one credit per referred order, never two");
                Assert.That(credits.Select(c => c.Amount), Is.All.EqualTo(FaultRewards.PerOrder), $"{who}: each credit is the reward");
                Assert.That(debits, Is.EqualTo(expectedDebits[advocate.Gid]), $"{who}: the store's record shows one debit per refund or cancellation");
                Assert.That(ledger.Where(e => e.Type != LedgerEntryType.DebtOffset).Select(e => e.ExternalRef).Order(),
                    Is.EqualTo(record.Select(t => t.Id).Order()), $"{who}: every ledger entry points at its own store transaction");
                Assert.That(Store.DiscountCodes.Count(c => c.Code == state.Codes[advocate.Gid]), Is.EqualTo(1),
                    $"{who}: one Shopify discount code for the advocate's referral code");
            }
        });
    }

    /// <summary>The run's figures, for the failure message and the progress log.</summary>
    public string Describe()
    {
        var requests = Store.AdminApi.Requests;
        return string.Create(CultureInfo.InvariantCulture,
            $"[faults] seed {Seed}: {Scenario?.PaidEvents.Count + Scenario?.LaterEvents.Count} events, {Deliveries} deliveries ({Reordered} reordered, {RefusedDeliveries} refused and retried), "
            + $"{Bridges.Count} instance(s), {Bridges.Sum(b => b.Kills)} kills, {Bridges.Sum(b => b.Starts)} starts, {DatabaseRestarts} database restarts, {requests.Count} Admin API calls of which {requests.Count(r => r.Fault is not null)} failed on purpose, "
            + $"{Elapsed.TotalSeconds:0.0} s");
    }

    public async Task<T> QueryAsync<T>(Func<ReferralsDbContext, Task<T>> query)
    {
        await using var db = Database.CreateDbContext();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bridge in Bridges)
        {
            await bridge.DisposeAsync();
        }

        await Store.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may leave a file open for a moment; the temp folder is cleaned eventually.
        }
    }

    private async Task<string> DeadLettersAsync()
    {
        var text = new StringBuilder();
        var rows = await QueryAsync(async db => (await db.Inbox.Where(m => m.DeadLetteredAt != null).Select(m => "inbox " + m.Topic + ": " + m.LastError).ToListAsync())
            .Concat(await db.Outbox.Where(m => m.DeadLetteredAt != null).Select(m => "outbox " + m.Kind + ": " + m.LastError).ToListAsync()).ToList());
        foreach (var row in rows.Take(5))
        {
            text.AppendLine(row);
        }

        foreach (var bridge in Bridges)
        {
            text.AppendLine("bridge output:").AppendLine(bridge.OutputTail);
        }

        return text.ToString();
    }
}
