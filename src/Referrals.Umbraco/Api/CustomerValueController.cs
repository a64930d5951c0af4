using Microsoft.AspNetCore.Mvc;
using Referrals.Core.Analytics;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Api.Models;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Api;

/// <summary>Referred customers against the others, month by month (the engine's <see cref="ReferredCustomerValue"/>).</summary>
[Route(RoutePrefix + "/customer-value")]
internal sealed class CustomerValueController : ReferralsApiController
{
    private const int DefaultMonths = 6;

    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;
    private readonly TimeProvider _clock;

    public CustomerValueController(ReferralsDbContext db, SiteTenant site, TimeProvider clock)
    {
        _db = db;
        _site = site;
        _clock = clock;
    }

    /// <summary>The last <paramref name="months"/> calendar months (this one so far included), 1 to 36; 6 by default.</summary>
    [HttpGet]
    [ProducesResponseType<CustomerValueModel>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<CustomerValueModel>> Get([FromQuery] int? months, CancellationToken cancellationToken)
    {
        var count = months ?? DefaultMonths;
        if (count is < 1 or > AnalyticsMonths.MaxMonths)
        {
            return Invalid("months", $"months must be 1 to {AnalyticsMonths.MaxMonths}.");
        }

        var now = _clock.GetUtcNow();
        var from = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - count);
        var period = new AnalyticsMonths(from, now);
        var tenant = await _site.GetAsync(_db, cancellationToken);
        var currency = tenant.Settings.Currency;
        var byMonth = await ReferredCustomerValue.ByMonthAsync(_db, tenant.Id, currency, period, cancellationToken);
        var overall = await ReferredCustomerValue.OverPeriodAsync(_db, tenant.Id, currency, period, cancellationToken);
        return new CustomerValueModel(currency, CustomerValueModel.SmallSampleThreshold, byMonth.Select(Line).ToList(), overall.Select(Line).ToList());
    }

    private static CustomerValueLineModel Line(CustomerValueComparison c) => new(c.Start, c.End, c.Currency, Figures(c.Referred), Figures(c.Other));

    private static CustomerValueFiguresModel Figures(CustomerValueFigures f) => new(
        f.Customers, f.RepeatCustomers, f.Orders, f.Net, f.AverageOrderValue, f.OrdersPerCustomer, f.RevenuePerCustomer, f.RepeatRate, f.RefundRate,
        f.Customers < CustomerValueModel.SmallSampleThreshold);
}
