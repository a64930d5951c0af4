using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Analytics;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Rewards;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Api;

/// <summary>The dashboard: the engine's <see cref="ReferralAnalytics"/> overview, shaped for the backoffice.</summary>
[Route(RoutePrefix + "/overview")]
internal sealed class OverviewController : ReferralsApiController
{
    private const int TopAdvocates = 5;

    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;
    private readonly ReferralAnalytics _analytics;
    private readonly TimeProvider _clock;

    public OverviewController(ReferralsDbContext db, SiteTenant site, ReferralAnalytics analytics, TimeProvider clock)
    {
        _db = db;
        _site = site;
        _analytics = analytics;
        _clock = clock;
    }

    /// <summary>The figures of <c>[from, to)</c>; by default the last 90 days.</summary>
    [HttpGet]
    [ProducesResponseType<OverviewModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<OverviewModel>> Get([FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        AnalyticsPeriod period;
        try
        {
            period = from is null && to is null ? AnalyticsPeriod.Last90Days(now) : new AnalyticsPeriod(from ?? (to ?? now).AddDays(-90), to ?? now);
        }
        catch (ArgumentException ex)
        {
            return Invalid("to", ex.Message);
        }

        var tenant = await _site.GetAsync(_db, cancellationToken);
        var o = await _analytics.OverviewAsync(_db, tenant, period, TopAdvocates, cancellationToken);
        var currency = o.Currency;

        // "Rewarded" is not a funnel step of the engine: referrals whose reward was issued in the period.
        var rewarded = await _db.Referrals.AsNoTracking()
            .CountAsync(r => r.TenantId == tenant.Id && r.State == ReferralState.Rewarded && r.RewardedAt >= period.From && r.RewardedAt < period.To, cancellationToken);
        var revenue = o.Revenue.FirstOrDefault(r => string.Equals(r.Currency, currency, StringComparison.OrdinalIgnoreCase));
        var issued = o.RewardCost.Lines
            .Where(l => l.Type == LedgerEntryType.Reward && l.State == LedgerEntryState.Issued && string.Equals(l.Currency, currency, StringComparison.OrdinalIgnoreCase))
            .Sum(l => l.Amount);
        var kpis = new OverviewKpis(
            o.Funnel.Referrals,
            o.Funnel.Conversions,
            o.Funnel.Rates.ConversionRate ?? 0,
            new MoneyModel(revenue?.ReferralNet ?? 0, currency),
            new MoneyModel(issued, currency),
            o.Viral.KFactor ?? 0);
        FunnelStageModel[] funnel =
        [
            new("Asked", o.Funnel.AsksSent),
            new("Invited", o.Funnel.Referrals),
            new("Visited", o.Funnel.Visits),
            new("Converted", o.Funnel.Conversions),
            new("Rewarded", rewarded),
        ];
        var weeks = o.Weeks.Select(w => new WeekModel(w.WeekStart, w.Counts.AsksSent, w.Counts.Referrals, w.Counts.Visits, w.Counts.Conversions)).ToList();
        var nps = o.Nps is { } n
            ? new NpsModel(n.Score, n.Promoters, n.Passives, n.Detractors, n.Promoters + n.Passives + n.Detractors)
            : new NpsModel(null, 0, 0, 0, 0);
        var names = await ApiMapping.ContactsAsync(_db, o.TopAdvocatesByConversions.Select(a => a.AdvocateContactId), cancellationToken);
        var top = o.TopAdvocatesByConversions.Select(a => new TopAdvocateModel(
            a.AdvocateContactId,
            names.TryGetValue(a.AdvocateContactId, out var c) ? ApiMapping.DisplayName(c.FirstName, c.LastName, c.Email) : "",
            a.ConvertedReferrals,
            new MoneyModel(a.Revenue, currency))).ToList();
        return new OverviewModel(period.From, period.To, kpis, funnel, weeks, await GoalAsync(tenant.Id, o.Goal, cancellationToken), nps, top);
    }

    private async Task<GoalModel?> GoalAsync(Guid tenantId, GoalPacing pacing, CancellationToken cancellationToken)
    {
        if (!pacing.HasGoal)
        {
            return null;
        }

        // Bounded by one month's conversions; bucketed by day here rather than with provider-specific date SQL.
        var converted = await _db.Referrals.AsNoTracking()
            .Where(r => r.TenantId == tenantId && (r.State == ReferralState.Converted || r.State == ReferralState.Rewarded)
                && r.ConvertedAt >= pacing.MonthStart && r.ConvertedAt < pacing.MonthEnd)
            .Select(r => r.ConvertedAt!.Value).ToListAsync(cancellationToken);
        var days = (int)(pacing.MonthEnd - pacing.MonthStart).TotalDays;
        var elapsed = Math.Clamp((int)Math.Ceiling((pacing.Now - pacing.MonthStart).TotalDays), 1, days);
        var cumulative = Enumerable.Range(1, elapsed).Select(day => converted.Count(t => t < pacing.MonthStart.AddDays(day))).ToList();
        return new GoalModel(pacing.Goal, pacing.Converted, pacing.Goal * pacing.ElapsedShare, pacing.Projected, days, cumulative);
    }
}
