using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.Testing.Shopify.FakeAdminApi;
using Referrals.Testing.Shopify.Sandbox;

namespace Referrals.Demo;

/// <summary>
/// The referral story, end to end, through the real bridge and the sandbox store: Anna buys, is asked, rates 10, shares
/// her code; Ben buys with it; Anna's reward is held, then paid as store credit; Ben refunds half and half the credit
/// comes back. Every step prints what happened, read from real state (database rows, e-mail files, the store's own
/// record), and checks it; the first expectation that fails ends the story.
/// </summary>
internal sealed partial class DemoStory
{
    /// <summary>The advocate's reward, store credit.</summary>
    public const decimal Reward = 10m;

    private const decimal AnnaTotal = 120m;
    private const decimal BenTotal = 80m;
    private const string Currency = "EUR";

    private readonly TextWriter _out;
    private readonly List<string> _completed = [];
    private int _step;
    private string _title = "";

    private DemoStory(TextWriter output)
    {
        _out = output;
    }

    /// <summary>Tells the story to <paramref name="output"/>; never throws for a failed expectation (see <see cref="DemoOutcome.Failure"/>).</summary>
    /// <param name="output">Where the story is told.</param>
    /// <param name="arrangeStore">Changes the sandbox store before the story starts (tests inject faults with it).</param>
    /// <param name="cancellationToken">Stops the story.</param>
    public static async Task<DemoOutcome> RunAsync(TextWriter output, Action<SandboxStore>? arrangeStore = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = new ShiftableClock();
        await using var store = await SandboxStore.StartAsync(clock, cancellationToken: cancellationToken);
        await using var bridge = await DemoBridge.StartAsync(store, clock, cancellationToken);
        store.SendWebhooksTo(bridge.Client);
        arrangeStore?.Invoke(store);
        var story = new DemoStory(output);
        string? failure = null;
        try
        {
            await story.TellAsync(store, bridge, cancellationToken);
        }
        catch (DemoExpectationException e)
        {
            failure = $"step {story._step} failed: {e.Message}";
            output.WriteLine();
            output.WriteLine("FAILED " + failure);
        }

        var ledger = await bridge.QueryAsync(async db => (await db.Ledger.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(e => e.CreatedAt).Select(e => $"{e.Type} {e.State} {Money(e.Amount, e.Currency)}").ToList());
        var emails = (await new DemoMailbox(bridge.PickupDirectory).ReadAllAsync(cancellationToken)).Select(m => m.Subject).ToList();
        var anna = store.Shop.StoreCreditAccounts.FirstOrDefault()?.OwnerId;
        var credit = store.StoreCreditTransactions.Where(t => t.OwnerId == anna).Select(t => $"{t.Kind} {Money(t.Amount, t.Currency)}").ToList();
        var balance = anna is null ? 0m : store.Shop.StoreCreditBalance(anna, Currency);
        if (failure is null)
        {
            output.WriteLine();
            output.WriteLine($"All {story._completed.Count} steps held.");
        }

        return new DemoOutcome(failure is null, failure, story._completed, credit, balance, ledger, emails);
    }

    private async Task TellAsync(SandboxStore store, DemoBridge bridge, CancellationToken cancellationToken)
    {
        var mailbox = new DemoMailbox(bridge.PickupDirectory);

        Step("The sandbox store connects to the bridge");
        var tenant = await bridge.ConnectShopAsync(store, "Sandbox Goods", settings =>
        {
            settings.Currency = Currency;
            settings.AdvocateReward.Kind = RewardKind.StoreCredit;
            settings.AdvocateReward.FixedAmount = Reward;
            settings.HoldDays = ProgramSettings.DefaultHoldDays;
        }, cancellationToken);
        Say($"bridge      {bridge.Address} (SQLite {bridge.DatabaseFile})");
        Say($"store       {store.Domain}, Admin API {store.AdminApiAddress}, webhooks signed with the app secret");
        Say($"program     {Money(Reward, Currency)} store credit per referral, held {tenant.Settings.HoldDays} days");
        var health = await bridge.Client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
        Expect(health.StatusCode == HttpStatusCode.OK, $"/healthz answers 200 (got {(int)health.StatusCode})");
        Done();

        Step("Anna buys");
        var anna = store.AddCustomer("anna@example.com", "Anna", acceptsMarketing: true);
        var (annaOrder, annaPaid) = await store.BuyAsync(anna, AnnaTotal, cancellationToken: cancellationToken);
        Say($"store       order {annaOrder.Name} ({annaOrder.Gid}), {Money(AnnaTotal, Currency)}, Anna accepts marketing e-mail");
        Say($"webhook     orders/paid, webhook id {annaPaid.WebhookId} -> HTTP {annaPaid.StatusCode}");
        Expect(annaPaid.Accepted, $"the bridge accepts the signed orders/paid (got HTTP {annaPaid.StatusCode})");
        await DrainAsync(bridge, cancellationToken);
        var annaId = await bridge.QueryAsync(db => db.Contacts.Where(c => c.TenantId == tenant.Id && c.Email == anna.Email).Select(c => c.Id).SingleOrDefaultAsync(cancellationToken));
        Expect(annaId != Guid.Empty, "Anna is a contact of the shop");
        var ask = await bridge.QueryAsync(db => db.Asks.AsNoTracking().SingleOrDefaultAsync(a => a.ContactId == annaId, cancellationToken));
        Expect(ask is { State: AskState.Scheduled }, $"one scheduled ask for Anna (found {ask?.State.ToString() ?? "none"})");
        Say($"database    ask {ask!.Trigger} by {ask.Channel}, due {Time(ask.DueAt)} ({Days(ask.DueAt - bridge.Clock.GetUtcNow())} from now)");
        Done();

        Step("Anna is asked how we did");
        Advance(bridge, ask.DueAt - bridge.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var dispatched = await bridge.DispatchDueAsksAsync(cancellationToken);
        Say($"job         DispatchDueAsksJob sent {dispatched} ask(s)");
        Expect(dispatched == 1, $"exactly one ask is due (got {dispatched})");
        await OutboxAsync(bridge, cancellationToken);
        var mail = await mailbox.ReadAllAsync(cancellationToken);
        Expect(mail.Count == 1 && mail[0].To == anna.Email, $"one e-mail, to Anna, in the pickup directory (found {mail.Count})");
        var question = mail[0];
        var links = DemoMailbox.RatingLinks(question);
        Say($"e-mail      {question.File} to {question.To}: \"{question.Subject}\"");
        Expect(links.Count == 11 && Enumerable.Range(0, 11).All(links.ContainsKey), $"the e-mail carries eleven rating links, 0 to 10 (found {links.Count})");
        Say($"            rating links 0..10, for example 10: {links[10]}");
        Done();

        Step("Anna rates 10");
        var page = await bridge.Client.GetAsync(links[10], cancellationToken);
        var pageHtml = await page.Content.ReadAsStringAsync(cancellationToken);
        Say($"GET         {links[10].AbsolutePath[..Math.Min(links[10].AbsolutePath.Length, 40)]}... -> HTTP {(int)page.StatusCode}, shows a confirm button");
        Expect(page.StatusCode == HttpStatusCode.OK && pageHtml.Contains("Send my answer: 10", StringComparison.Ordinal), "the link opens a page confirming the score 10");
        var stillSent = await bridge.QueryAsync(db => db.Asks.Where(a => a.Id == ask.Id).Select(a => a.State).SingleAsync(cancellationToken));
        Expect(stillSent == AskState.Sent, $"opening the link records nothing (ask is {stillSent})");
        using var confirm = new FormUrlEncodedContent([]);
        var answered = await bridge.Client.PostAsync(links[10], confirm, cancellationToken);
        var answeredHtml = await answered.Content.ReadAsStringAsync(cancellationToken);
        Say($"POST        confirm -> HTTP {(int)answered.StatusCode}");
        Expect(answered.StatusCode == HttpStatusCode.OK, $"the confirmation is accepted (got HTTP {(int)answered.StatusCode})");
        var rated = await bridge.QueryAsync(db => db.Asks.AsNoTracking().SingleAsync(a => a.Id == ask.Id, cancellationToken));
        Say($"database    ask {rated.State}, score {rated.Score}");
        Expect(rated is { State: AskState.Answered, Score: 10 }, "the ask is answered with 10");
        Done();

        Step("Anna shares her personal link");
        var code = await bridge.QueryAsync(db => db.ReferralCodes.AsNoTracking().SingleOrDefaultAsync(c => c.AdvocateContactId == annaId, cancellationToken));
        Expect(code is not null, "a promoter gets a personal referral code");
        var shownLink = ReferralLinkPattern().Match(answeredHtml);
        var storefrontLink = $"https://{store.Domain}{SandboxStore.ProxyPrefix}/r/{code.Display}";
        Expect(shownLink.Success && shownLink.Value == storefrontLink, $"the thank-you page shows her personal link on the shop's storefront, {storefrontLink} (found {shownLink.Value})");
        Say($"page        her link {shownLink.Value}");
        Say($"database    referral code {code.Display}");
        await OutboxAsync(bridge, cancellationToken);
        foreach (var message in (await mailbox.ReadAllAsync(cancellationToken)).Skip(1))
        {
            Say($"e-mail      {message.File} to {message.To}: \"{message.Subject}\"");
        }

        var discount = store.DiscountCodes.SingleOrDefault(d => d.Code == code.Display);
        var segment = store.Shop.Segments.SingleOrDefault(s => discount?.CustomerSegmentIds?.Contains(s.Id) == true);
        Expect(discount is not null && segment is not null, "her code is a discount code in the store, limited to a customer segment");
        Say($"store       discount code {discount!.Code} \"{discount.Title}\", once per customer, for segment \"{segment!.Name}\" ({segment.Query})");

        // A friend opens the link: Shopify forwards it, signed, through the app proxy to the bridge.
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bridge.Address };
        var landing = await store.OpenStorefrontAsync(new Uri(storefrontLink), noRedirects, cancellationToken: cancellationToken);
        var applied = landing.Headers.Location?.OriginalString ?? "";
        Say($"storefront  GET {storefrontLink} -> app proxy -> HTTP {(int)landing.StatusCode} to {applied}");
        Expect(landing.StatusCode == HttpStatusCode.Redirect && applied.StartsWith($"/discount/{code.Display}?", StringComparison.Ordinal),
            $"the proxy page sends the friend to /discount/{code.Display}, which applies her code (got HTTP {(int)landing.StatusCode} {applied})");
        var older = await noRedirects.GetAsync(new Uri($"r/{code.Display}", UriKind.Relative), cancellationToken);
        Say($"bridge      GET /r/{code.Display} -> HTTP {(int)older.StatusCode} to {older.Headers.Location}");
        Expect(older.StatusCode == HttpStatusCode.Redirect && older.Headers.Location?.AbsoluteUri == storefrontLink,
            $"a link on the bridge itself goes on to the storefront link (got HTTP {(int)older.StatusCode})");

        Say($"Anna sends Ben her code {code.Display}.");
        Done();

        Step("Ben buys with Anna's code");
        try
        {
            await store.BuyAsync(anna, AnnaTotal, new SandboxPurchase { DiscountCodes = [code.Display] }, cancellationToken);
            Expect(false, "checkout refuses the friend code to Anna, who has ordered before");
        }
        catch (SandboxCheckoutRefusedException refused)
        {
            Say($"store       Anna tries her own code: {refused.Reason}");
        }

        var ben = store.AddCustomer("ben@example.com", "Ben", acceptsMarketing: true);
        var (benOrder, benPaid) = await store.BuyAsync(ben, BenTotal, new SandboxPurchase { DiscountCodes = [code.Display] }, cancellationToken);
        Say($"store       order {benOrder.Name} ({benOrder.Gid}), {Money(BenTotal, Currency)}, discount code {code.Display}");
        Say($"webhook     orders/paid, webhook id {benPaid.WebhookId} -> HTTP {benPaid.StatusCode}");
        Expect(benPaid.Accepted, $"the bridge accepts the signed orders/paid (got HTTP {benPaid.StatusCode})");
        await DrainAsync(bridge, cancellationToken);
        var referral = await bridge.QueryAsync(db => db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.AdvocateContactId == annaId, cancellationToken));
        Expect(referral is { State: ReferralState.Converted }, $"a converted referral from Anna (found {referral?.State.ToString() ?? "none"})");
        Say($"database    referral {referral!.State} by rule {referral.AttributionRule}, order {referral.ConvertingOrderId}, revenue {Money(referral.Revenue, referral.Currency)}");
        Expect(referral.ConvertingOrderId == benOrder.Id.ToString(CultureInfo.InvariantCulture), "the referral converted on Ben's order");
        Done();

        Step("Anna's reward is held");
        var pending = await RewardAsync(bridge, annaId, cancellationToken);
        Expect(pending is { State: LedgerEntryState.Pending, HoldUntil: not null } && pending.Amount == Reward, $"a pending {Money(Reward, Currency)} reward for Anna with a hold");
        Say($"ledger      {pending!.Type} {pending.State} {Money(pending.Amount, pending.Currency)}, held until {Time(pending.HoldUntil!.Value)}");
        Say($"store       {store.StoreCreditTransactionsOf(anna).Count} store-credit transactions for Anna");
        Expect(store.StoreCreditTransactionsOf(anna).Count == 0, "nothing is paid while the reward is held");
        var early = await bridge.MatureRewardsAsync(cancellationToken);
        Expect(early == 0, $"the maturation job approves nothing before the hold ends (approved {early})");
        Say("job         MatureRewardsJob before the hold ends: approves nothing");
        Done();

        Step("The hold passes and the store credit is issued");
        Advance(bridge, pending.HoldUntil.Value - bridge.Clock.GetUtcNow() + TimeSpan.FromDays(1));
        var approved = await bridge.MatureRewardsAsync(cancellationToken);
        Say($"job         MatureRewardsJob approved {approved} reward(s)");
        Expect(approved == 1, $"one reward matures (got {approved})");
        await OutboxAsync(bridge, cancellationToken);
        var issued = await RewardAsync(bridge, annaId, cancellationToken);
        var credits = store.StoreCreditTransactionsOf(anna);
        foreach (var t in credits)
        {
            Say($"store       storeCreditAccountCredit record: {t.Kind} {Money(t.Amount, t.Currency)} to {t.OwnerId}, balance {Money(t.BalanceAfter, t.Currency)} ({t.Id})");
        }

        Say($"ledger      {issued!.Type} {issued.State}, external ref {issued.ExternalRef}");
        Expect(credits.Count == 1 && credits[0].Kind == FakeStoreCreditKind.Credit && credits[0].Amount == Reward, $"exactly one {Money(Reward, Currency)} credit in the store's record");
        Expect(issued.State == LedgerEntryState.Issued && issued.ExternalRef == credits[0].Id, "the ledger entry is issued and points at the store's transaction");
        Done();

        Step("Ben refunds half his order");
        var refund = await store.RefundAsync(benOrder, BenTotal / 2, cancellationToken);
        Say($"store       refund of {Money(BenTotal / 2, Currency)} on {benOrder.Name}");
        Say($"webhook     refunds/create, webhook id {refund.WebhookId} -> HTTP {refund.StatusCode}");
        Expect(refund.Accepted, $"the bridge accepts the signed refunds/create (got HTTP {refund.StatusCode})");
        await DrainAsync(bridge, cancellationToken);
        Done();

        Step("Half of Anna's credit comes back");
        await OutboxAsync(bridge, cancellationToken);
        var clawBack = await bridge.QueryAsync(db => db.Ledger.AsNoTracking().SingleOrDefaultAsync(e => e.ContactId == annaId && e.Type == LedgerEntryType.ClawBack, cancellationToken));
        var record = store.StoreCreditTransactionsOf(anna);
        foreach (var t in record)
        {
            Say($"store       {t.Kind} {Money(t.Amount, t.Currency)}, balance after {Money(t.BalanceAfter, t.Currency)} ({t.Id})");
        }

        Expect(clawBack is not null, "a claw-back entry on the ledger");
        Say($"ledger      {clawBack!.Type} {clawBack.State} {Money(clawBack.Amount, clawBack.Currency)}, external ref {clawBack.ExternalRef}");
        Expect(record.Count == 2 && record[1].Kind == FakeStoreCreditKind.Debit && record[1].Amount == Reward / 2, $"the store's record shows one {Money(Reward / 2, Currency)} storeCreditAccountDebit after the credit");
        Expect(record.Count(t => t.Kind == FakeStoreCreditKind.Credit) == 1, "no double credit");
        Expect(clawBack.State == LedgerEntryState.Issued && clawBack.ExternalRef == record[1].Id, "the claw-back is issued and points at the store's debit");
        Say($"store       Anna's balance: {Money(store.StoreCreditBalance(anna), Currency)}");
        Expect(store.StoreCreditBalance(anna) == Reward / 2, $"Anna keeps {Money(Reward / 2, Currency)}");
        Done();
    }

    private static Task<LedgerEntry?> RewardAsync(DemoBridge bridge, Guid contactId, CancellationToken cancellationToken) =>
        bridge.QueryAsync(db => db.Ledger.AsNoTracking().SingleOrDefaultAsync(e => e.ContactId == contactId && e.Type == LedgerEntryType.Reward, cancellationToken));

    private async Task DrainAsync(DemoBridge bridge, CancellationToken cancellationToken)
    {
        var drained = await bridge.DrainInboxAsync(cancellationToken);
        Say($"job         DrainInboxJob: {drained.Succeeded} of {drained.Claimed} message(s) handled");
        Expect(drained.Claimed > 0 && drained.Succeeded == drained.Claimed, $"every inbox message is handled ({drained})");
    }

    private async Task OutboxAsync(DemoBridge bridge, CancellationToken cancellationToken)
    {
        var done = await bridge.ProcessOutboxAsync(cancellationToken);
        Say($"job         ProcessOutboxJob: {done.Succeeded} of {done.Claimed} message(s) carried out");
        Expect(done.Succeeded == done.Claimed, $"every outbox message succeeds ({done})");
    }

    private void Advance(DemoBridge bridge, TimeSpan by)
    {
        bridge.Clock.Advance(by);
        Say($"clock       fast-forward {Days(by)} to {Time(bridge.Clock.GetUtcNow())}");
    }

    private void Step(string title)
    {
        _step++;
        _title = title;
        _out.WriteLine();
        _out.WriteLine($"{_step}. {title}");
    }

    private void Done()
    {
        _completed.Add(_title);
        _out.WriteLine("   ok");
    }

    private void Say(string line) => _out.WriteLine("   " + line);

    private void Expect([DoesNotReturnIf(false)] bool condition, string expectation)
    {
        if (!condition)
        {
            throw new DemoExpectationException($"\"{_title}\": expected {expectation}");
        }
    }

    private static string Money(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Days(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days");

    [GeneratedRegex(@"https?://[^\s""<>]+/r/[A-Za-z0-9-]+", RegexOptions.CultureInvariant)]
    private static partial Regex ReferralLinkPattern();
}
