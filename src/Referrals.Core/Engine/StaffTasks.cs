using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Audit;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Core.Thanks;

namespace Referrals.Core.Engine;

/// <summary>
/// Creates the tasks people at the business do by hand (thank-you cards, service recovery, asks by call, letter or
/// meeting), lists the open ones, and records them done or cancelled with an audit entry.
/// </summary>
/// <remarks>
/// Creation is idempotent: <c>(tenant, kind, source key)</c> is unique, so the same event returns the task it made
/// before. New tasks are added to the context; the caller saves, in the transaction of the event that caused them.
/// </remarks>
public sealed class StaffTasks
{
    /// <summary>Days between a new referral and its thank-you card's due date: 2, while it is fresh.</summary>
    public const int CardDueDays = 2;

    /// <summary>Days between a detractor's answer and the service-recovery call's due date: 1 (one working day).</summary>
    public const int ServiceRecoveryDueDays = 1;

    /// <summary>The largest page <see cref="ListOpenAsync"/> returns.</summary>
    public const int MaxPageSize = 200;

    private readonly AdvocateCodes _codes;
    private readonly AskTemplateRenderer _renderer;
    private readonly IReferralLinkBase _referralBase;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service.</summary>
    public StaffTasks(AdvocateCodes codes, AskTemplateRenderer renderer, IReferralLinkBase referralBase, TimeProvider clock)
    {
        _codes = codes;
        _renderer = renderer;
        _referralBase = referralBase;
        _clock = clock;
    }

    /// <summary>The source key of the thank-you card of <paramref name="referralId"/>.</summary>
    public static string ReferralSourceKey(Guid referralId) => $"referral:{referralId:N}";

    /// <summary>The source key of a task made by <paramref name="askId"/>.</summary>
    public static string AskSourceKey(Guid askId) => $"ask:{askId:N}";

    /// <summary>
    /// The thank-you card for the advocate of a new referral, with the tenant's <see cref="AskTemplateSet.ThankYouCard"/>
    /// message, the advocate's address and their personal link (their code is created when they have none).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ReferralCodeExhaustedException">The advocate has no code and no free one could be found.</exception>
    public async Task<StaffTask> ThankYouCardAsync(ReferralsDbContext db, Tenant tenant, Referral referral, Contact advocate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(advocate);
        var key = ReferralSourceKey(referral.Id);
        // A referral added in this unit of work has no stored task yet; only the tracked ones can hold one.
        var existing = ChangeTrackerEntries.IsAdded(db, referral)
            ? ChangeTrackerEntries.Tracked<StaffTask>(db.ChangeTracker).FirstOrDefault(t => t.TenantId == tenant.Id && t.Kind == StaffTaskKind.ThankYouCard && t.SourceKey == key)
            : await FindAsync(db, tenant.Id, StaffTaskKind.ThankYouCard, key, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        Uri? link = null;
        if (_referralBase.For(tenant) is { } baseUrl)
        {
            var code = await _codes.GetOrCreateAsync(db, advocate, cancellationToken);
            link = ReferralLink.Create(baseUrl, code.Display);
        }

        var now = _clock.GetUtcNow();
        var message = Render(tenant, advocate, s => s.ThankYouCard, EnglishThanksTemplates.ThankYouCard);
        return Add(db, new StaffTask(tenant.Id, advocate.Id, StaffTaskKind.ThankYouCard, key, message, now.AddDays(CardDueDays), now)
        {
            ReferralId = referral.Id,
            PostalAddress = advocate.PostalAddress,
            ReferralLink = link?.AbsoluteUri,
        });
    }

    /// <summary>The service-recovery task a detractor's answer to <paramref name="ask"/> creates (the <see cref="AskTemplateSet.ServiceRecoveryTask"/> text).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public async Task<StaffTask> ServiceRecoveryAsync(ReferralsDbContext db, Tenant tenant, Contact contact, Ask ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(ask);
        var key = AskSourceKey(ask.Id);
        if (await FindAsync(db, tenant.Id, StaffTaskKind.ServiceRecovery, key, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = _clock.GetUtcNow();
        var message = Render(tenant, contact, s => s.ServiceRecoveryTask, EnglishAskTemplates.ServiceRecoveryTask);
        return Add(db, new StaffTask(tenant.Id, contact.Id, StaffTaskKind.ServiceRecovery, key, message, now.AddDays(ServiceRecoveryDueDays), now)
        {
            AskId = ask.Id,
            PostalAddress = contact.PostalAddress,
        });
    }

    /// <summary>
    /// The task that carries an ask whose channel is <see cref="AskChannel.Task"/>: a call, letter or meeting per
    /// <paramref name="how"/>, due when the ask is, with a short script in the order of the 4-step ask.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public async Task<StaffTask> AskTaskAsync(ReferralsDbContext db, Tenant tenant, Contact contact, Ask ask, AskTaskKind how, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(ask);
        var kind = how switch
        {
            AskTaskKind.Letter => StaffTaskKind.AskLetter,
            AskTaskKind.Meeting => StaffTaskKind.AskMeeting,
            _ => StaffTaskKind.AskCall,
        };
        var key = AskSourceKey(ask.Id);
        if (await FindAsync(db, tenant.Id, kind, key, cancellationToken) is { } existing)
        {
            return existing;
        }

        Uri? link = null;
        if (_referralBase.For(tenant) is { } baseUrl)
        {
            var code = await _codes.GetOrCreateAsync(db, contact, cancellationToken);
            link = ReferralLink.Create(baseUrl, code.Display);
        }

        var settings = tenant.Settings;
        var script = AskTaskScript.For(contact.FirstName, tenant.DisplayName, FriendOfferPhrase.For(settings.FriendOffer ?? new Rewards.FriendOffer(), settings.Currency),
            AskEmailHandler.DefaultIdealReferral, link);
        return Add(db, new StaffTask(tenant.Id, contact.Id, kind, key, script, ask.DueAt, _clock.GetUtcNow())
        {
            AskId = ask.Id,
            PostalAddress = contact.PostalAddress,
            ReferralLink = link?.AbsoluteUri,
        });
    }

    /// <summary>A page of the tenant's open tasks, soonest due first.</summary>
    /// <param name="db">The context.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Tasks per page, 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> or <paramref name="pageSize"/> is out of range.</exception>
    public static async Task<StaffTaskPage> ListOpenAsync(ReferralsDbContext db, Guid tenantId, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var open = db.StaffTasks.AsNoTracking().Where(t => t.TenantId == tenantId && t.State == StaffTaskState.Open);
        var total = await open.CountAsync(cancellationToken);
        var items = await open.OrderBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new StaffTaskPage(items, total);
    }

    /// <summary>Records that <paramref name="actor"/> did the task, with an audit entry, and saves.</summary>
    /// <returns>The task; false-free: a task that is not open throws.</returns>
    /// <exception cref="KeyNotFoundException">The tenant has no such task.</exception>
    /// <exception cref="InvalidOperationException">The task is done or cancelled already.</exception>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty.</exception>
    public async Task<StaffTask> MarkDoneAsync(ReferralsDbContext db, Guid tenantId, Guid taskId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var task = await GetAsync(db, tenantId, taskId, cancellationToken);
        var now = _clock.GetUtcNow();
        task.MarkDone(actor, now);
        db.AuditLog.Add(new AuditEntry(tenantId, actor, "task.done", $"task:{task.Id:N}", task.Kind.ToString(), now));
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    /// <summary>Withdraws the task, with an audit entry naming <paramref name="actor"/> and the reason, and saves.</summary>
    /// <exception cref="KeyNotFoundException">The tenant has no such task.</exception>
    /// <exception cref="InvalidOperationException">The task is done or cancelled already.</exception>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is empty.</exception>
    public async Task<StaffTask> CancelAsync(ReferralsDbContext db, Guid tenantId, Guid taskId, string actor, string? reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var task = await GetAsync(db, tenantId, taskId, cancellationToken);
        var now = _clock.GetUtcNow();
        task.Cancel(now);
        db.AuditLog.Add(new AuditEntry(tenantId, actor, "task.cancel", $"task:{task.Id:N}", string.IsNullOrWhiteSpace(reason) ? task.Kind.ToString() : $"{task.Kind}: {reason.Trim()}", now));
        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    /// <summary>
    /// The printable page (see <see cref="ThankYouCardSheet"/>) of the tenant's thank-you card tasks among
    /// <paramref name="taskIds"/>, in the order given; ids of other tenants or other kinds are left out.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="db"/> or <paramref name="taskIds"/> is null.</exception>
    public static async Task<string> PrintCardsAsync(ReferralsDbContext db, Tenant tenant, IReadOnlyList<Guid> taskIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(taskIds);
        var ids = taskIds.Distinct().ToList();
        var tasks = await db.StaffTasks.AsNoTracking()
            .Where(t => t.TenantId == tenant.Id && t.Kind == StaffTaskKind.ThankYouCard && ids.Contains(t.Id)).ToListAsync(cancellationToken);
        var contactIds = tasks.Select(t => t.ContactId).Distinct().ToList();
        var names = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.RedactedAt }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var cards = ids.Select(id => tasks.FirstOrDefault(t => t.Id == id)).OfType<StaffTask>()
            .Select(t => new PrintableCard(
                t.SuggestedMessage,
                names.TryGetValue(t.ContactId, out var c) && c.RedactedAt is null ? $"{c.FirstName?.Trim()} {c.LastName?.Trim()}".Trim() : null,
                t.PostalAddress,
                Uri.TryCreate(t.ReferralLink, UriKind.Absolute, out var link) ? link : null))
            .ToList();
        return ThankYouCardSheet.Render(cards, $"Thank-you cards - {tenant.DisplayName}");
    }

    private static async Task<StaffTask> GetAsync(ReferralsDbContext db, Guid tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.StaffTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.TenantId == tenantId, cancellationToken)
            ?? throw new KeyNotFoundException($"Task {taskId} does not exist for this tenant.");
    }

    private static async Task<StaffTask?> FindAsync(ReferralsDbContext db, Guid tenantId, StaffTaskKind kind, string key, CancellationToken cancellationToken) =>
        ChangeTrackerEntries.Tracked<StaffTask>(db.ChangeTracker).FirstOrDefault(t => t.TenantId == tenantId && t.Kind == kind && t.SourceKey == key)
        ?? await db.StaffTasks.FirstOrDefaultAsync(t => t.TenantId == tenantId && t.Kind == kind && t.SourceKey == key, cancellationToken);

    private static StaffTask Add(ReferralsDbContext db, StaffTask task)
    {
        db.StaffTasks.Add(task);
        return task;
    }

    // A task must not fail the event that creates it: a tenant template that does not render falls back to the English default.
    private string Render(Tenant tenant, Contact contact, Func<AskTemplateSet, string?> read, string fallback)
    {
        var variables = new AskTemplateVariables { FirstName = contact.FirstName?.Trim() ?? "", BusinessName = tenant.DisplayName };
        var template = read(tenant.Settings.Templates ?? new AskTemplateSet());
        if (!string.IsNullOrWhiteSpace(template))
        {
            try
            {
                return _renderer.Render(template, variables, TemplateFormat.Text).Trim();
            }
            catch (AskTemplateException)
            {
                // Checked with TemplateValidation when saved; a template broken anyway still leaves staff a usable text.
            }
        }

        return _renderer.Render(fallback, variables, TemplateFormat.Text).Trim();
    }
}
