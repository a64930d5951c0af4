using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Core.Asks;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Jobs;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Core.Thanks;
using Referrals.Testing.Databases;
using Referrals.Testing.Email;
using Referrals.Testing.Engine;

namespace Referrals.Core.Tests.Engine;

/// <summary>Thank-you card tasks on new referrals, ask tasks, and working the list: done, cancel, print.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class StaffTaskTests
{
    private const string BaseUrl = "https://shop.example";

    private static readonly PostalAddress _annasAddress = new("Nørregade 12", "2. tv", "København K", "1165", "DK");

    private readonly StorageProvider _provider;
    private PickupMailbox _mailbox = null!;
    private EngineHarness _engine = null!;
    private Tenant _tenant = null!;

    public StaffTaskTests(StorageProvider provider)
    {
        _provider = provider;
    }

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    [SetUp]
    public async Task SetUp()
    {
        _mailbox = new PickupMailbox();
        _engine = await EngineHarness.CreateAsync(_provider, options =>
        {
            options.Email.PickupDirectory = _mailbox.Directory;
            options.Links.PublicBaseUrl = BaseUrl;
            options.Links.KeyFile = _mailbox.KeyFile;
        });
        _tenant = await _engine.CreateTenantAsync(configure: s => s.AdvocateReward.FixedAmount = 10m);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _engine.DisposeAsync();
        _mailbox.Dispose();
    }

    private Task<(Contact Advocate, ReferralCode Code)> AnnaAsync() =>
        _engine.CreateAdvocateAsync(_tenant, "anna@example.com", "Anna", new CustomerInfo { LastName = "Holm", Address = _annasAddress });

    private Task<Referral> InviteAsync(Contact advocate, string friendEmail) => _engine.RunAsync(async (db, sp) =>
        await sp.GetRequiredService<ReferralInvitations>().InviteAsync(
            db, (await db.Tenants.FindAsync(_tenant.Id))!, (await db.Contacts.FindAsync(advocate.Id))!, "Carl", friendEmail, CancellationToken.None));

    private Task<List<StaffTask>> TasksAsync() => _engine.RunAsync((db, _) => db.StaffTasks.OrderBy(t => t.CreatedAt).ToListAsync());

    private Task<StaffTaskPage> OpenAsync(int page, int size) =>
        _engine.RunAsync((db, _) => StaffTasks.ListOpenAsync(db, _tenant.Id, page, size, CancellationToken.None));

    private Task<StaffTask> DoneAsync(Guid taskId, string actor = "editor@acme.example", Guid? tenantId = null) =>
        _engine.RunAsync((db, sp) => sp.GetRequiredService<StaffTasks>().MarkDoneAsync(db, tenantId ?? _tenant.Id, taskId, actor, CancellationToken.None));

    [Test]
    public async Task InvitedReferral_CreatesACardTask_WithTheAdvocatesAddressLinkAndMessage()
    {
        var (anna, code) = await AnnaAsync();

        var referral = await InviteAsync(anna, "carl@example.com");

        var task = (await TasksAsync()).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(task.Kind, Is.EqualTo(StaffTaskKind.ThankYouCard));
            Assert.That(task.State, Is.EqualTo(StaffTaskState.Open));
            Assert.That(task.ContactId, Is.EqualTo(anna.Id));
            Assert.That(task.ReferralId, Is.EqualTo(referral.Id));
            Assert.That(task.SourceKey, Is.EqualTo(StaffTasks.ReferralSourceKey(referral.Id)));
            Assert.That(task.PostalAddress, Is.EqualTo("Nørregade 12\n2. tv\n1165 København K\nDK"));
            Assert.That(task.ReferralLink, Is.EqualTo($"{BaseUrl}/r/{code.Display}"));
            Assert.That(task.SuggestedMessage, Does.StartWith("Dear Anna,").And.Contain("recommending Acme"));
            Assert.That(task.DueAt, Is.EqualTo(Now.AddDays(StaffTasks.CardDueDays)));
        }
    }

    [Test]
    public async Task InvitingTheSameFriendAgain_CreatesNoSecondCard()
    {
        var (anna, _) = await AnnaAsync();

        await InviteAsync(anna, "carl@example.com");
        await InviteAsync(anna, "carl@example.com");

        Assert.That(await TasksAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task InvitedFriendWhoBuys_KeepsOneCardForTheReferral()
    {
        var (anna, _) = await AnnaAsync();
        var referral = await InviteAsync(anna, "carl@example.com");

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("2001", "carl@example.com", 80m, Now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.ReferralId, Is.EqualTo(referral.Id));
            Assert.That((await TasksAsync()).Select(t => (t.Kind, t.ReferralId)), Is.EqualTo(new[] { (StaffTaskKind.ThankYouCard, (Guid?)referral.Id) }));
        }
    }

    [Test]
    public async Task OrderWithTheAdvocatesCode_CreatesACardTask_OnceAcrossRedelivery()
    {
        var (anna, code) = await AnnaAsync();
        var order = PaidOrders.Paid("2001", "carl@example.com", 80m, Now, code.Display);

        var outcome = await _engine.PayAsync(_tenant, order);
        await _engine.PayAsync(_tenant, order);

        var task = (await TasksAsync()).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Status, Is.EqualTo(OrderStatus.Converted));
            Assert.That(task.Kind, Is.EqualTo(StaffTaskKind.ThankYouCard));
            Assert.That(task.ContactId, Is.EqualTo(anna.Id));
            Assert.That(task.ReferralId, Is.EqualTo(outcome.ReferralId));
        }
    }

    [Test]
    public async Task RejectedSelfReferral_CreatesNoCard()
    {
        var (_, code) = await AnnaAsync();

        var outcome = await _engine.PayAsync(_tenant, PaidOrders.Paid("2001", "anna@example.com", 80m, Now, code.Display));

        Assert.That(outcome.Status, Is.Not.EqualTo(OrderStatus.Converted));
        Assert.That(await TasksAsync(), Is.Empty);
    }

    [Test]
    public async Task AskWhoseChannelIsATask_BecomesOneMeetingTask_WhenDispatched()
    {
        await _engine.RunAsync(async (db, _) =>
        {
            var tenant = (await db.Tenants.FindAsync(_tenant.Id))!;
            var settings = tenant.Settings;
            settings.Timeline.Purchase = new AskTimelineStep { Trigger = AskTrigger.Purchase, DelayDays = 2, Channel = AskChannel.Task, TaskKind = AskTaskKind.Meeting };
            await TenantDirectory.UpdateSettingsAsync(db, tenant, settings, CancellationToken.None);
        });
        var order = PaidOrders.Paid("1001", "bo@example.com", 50m, Now);
        await _engine.PayAsync(_tenant, order with { Customer = order.Customer with { FirstName = "Bo" } });
        _engine.Clock.Advance(TimeSpan.FromDays(2));

        var sent = await _engine.RunAsync((_, sp) => sp.GetRequiredService<DispatchDueAsksJob>().RunAsync(CancellationToken.None));
        var again = await _engine.RunAsync((_, sp) => sp.GetRequiredService<DispatchDueAsksJob>().RunAsync(CancellationToken.None));

        var ask = await _engine.RunAsync((db, _) => db.Asks.SingleAsync());
        var code = await _engine.RunAsync((db, _) => db.ReferralCodes.SingleAsync());
        var task = (await TasksAsync()).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent, Is.EqualTo(1));
            Assert.That(again, Is.Zero);
            Assert.That(ask.State, Is.EqualTo(AskState.Sent));
            Assert.That(task.Kind, Is.EqualTo(StaffTaskKind.AskMeeting));
            Assert.That(task.AskId, Is.EqualTo(ask.Id));
            Assert.That(task.ContactId, Is.EqualTo(ask.ContactId));
            Assert.That(task.DueAt, Is.EqualTo(ask.DueAt));
            Assert.That(task.ReferralLink, Is.EqualTo($"{BaseUrl}/r/{code.Display}"));
            Assert.That(task.SuggestedMessage, Does.Contain("Bo").And.Contain("Who do you know who").And.Contain(task.ReferralLink));
            Assert.That(_mailbox.Files(), Is.Empty, "a task ask sends no e-mail");
        }
    }

    [Test]
    public async Task ListOpen_PagesSoonestDueFirst_AndLeavesOutDoneAndCancelled()
    {
        var (anna, _) = await AnnaAsync();
        foreach (var friend in new[] { "a@example.com", "b@example.com", "c@example.com", "d@example.com" })
        {
            await InviteAsync(anna, friend);
            _engine.Clock.Advance(TimeSpan.FromHours(1));
        }

        var tasks = await TasksAsync();
        await DoneAsync(tasks[1].Id);
        await _engine.RunAsync((db, sp) => sp.GetRequiredService<StaffTasks>().CancelAsync(db, _tenant.Id, tasks[2].Id, "editor", "moved away", CancellationToken.None));

        var first = await OpenAsync(1, 1);
        var second = await OpenAsync(2, 1);
        var third = await OpenAsync(3, 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Total, Is.EqualTo(2));
            Assert.That(first.Items.Select(t => t.Id), Is.EqualTo(new[] { tasks[0].Id }));
            Assert.That(second.Items.Select(t => t.Id), Is.EqualTo(new[] { tasks[3].Id }));
            Assert.That(third.Items, Is.Empty);
            Assert.That(third.Total, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task MarkDone_RecordsWhoAndWhen_AndWritesAnAuditEntry()
    {
        var (anna, _) = await AnnaAsync();
        await InviteAsync(anna, "carl@example.com");
        var task = (await TasksAsync()).Single();
        _engine.Clock.Advance(TimeSpan.FromDays(1));

        await DoneAsync(task.Id, "maria");

        var stored = (await TasksAsync()).Single();
        var audit = await _engine.RunAsync((db, _) => db.AuditLog.SingleAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.State, Is.EqualTo(StaffTaskState.Done));
            Assert.That(stored.DoneBy, Is.EqualTo("maria"));
            Assert.That(stored.DoneAt, Is.EqualTo(Now));
            Assert.That(audit.Actor, Is.EqualTo("maria"));
            Assert.That(audit.Action, Is.EqualTo("task.done"));
            Assert.That(audit.Subject, Is.EqualTo($"task:{task.Id:N}"));
            Assert.That(audit.TenantId, Is.EqualTo(_tenant.Id));
        }
    }

    [Test]
    public async Task MarkDone_Refuses_ADoneTask_AndAnotherTenantsTask()
    {
        var (anna, _) = await AnnaAsync();
        await InviteAsync(anna, "carl@example.com");
        var task = (await TasksAsync()).Single();
        await DoneAsync(task.Id);

        Assert.ThrowsAsync<InvalidOperationException>(() => DoneAsync(task.Id));
        Assert.ThrowsAsync<KeyNotFoundException>(() => DoneAsync(task.Id, tenantId: Guid.NewGuid()));
        Assert.That(await _engine.RunAsync((db, _) => db.AuditLog.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task Cancel_ClosesTheTask_WithTheReasonInTheAudit()
    {
        var (anna, _) = await AnnaAsync();
        await InviteAsync(anna, "carl@example.com");
        var task = (await TasksAsync()).Single();

        await _engine.RunAsync((db, sp) => sp.GetRequiredService<StaffTasks>().CancelAsync(db, _tenant.Id, task.Id, "maria", "no address", CancellationToken.None));

        var stored = (await TasksAsync()).Single();
        var audit = await _engine.RunAsync((db, _) => db.AuditLog.SingleAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.State, Is.EqualTo(StaffTaskState.Cancelled));
            Assert.That(stored.CancelledAt, Is.EqualTo(Now));
            Assert.That(audit.Action, Is.EqualTo("task.cancel"));
            Assert.That(audit.Details, Does.Contain("no address"));
        }
    }

    [Test]
    public async Task PrintCards_RendersTheTenantsCards_WithNameAddressAndQrCode()
    {
        var (anna, code) = await AnnaAsync();
        await InviteAsync(anna, "carl@example.com");
        var task = (await TasksAsync()).Single();

        var html = await _engine.RunAsync(async (db, _) =>
            await StaffTasks.PrintCardsAsync(db, (await db.Tenants.FindAsync(_tenant.Id))!, [task.Id, Guid.NewGuid()], CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(System.Text.RegularExpressions.Regex.Count(html, "<section class=\"card\">"), Is.EqualTo(1));
            Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode("Anna Holm\nNørregade 12\n2. tv\n1165 København K\nDK")));
            Assert.That(html, Does.Contain($"{BaseUrl}/r/{code.Display}"));
            Assert.That(html, Does.Contain("<svg"));
            Assert.That(html, Does.Contain("Dear Anna,"));
        }
    }
}
