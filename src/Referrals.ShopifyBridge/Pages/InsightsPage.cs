using System.Globalization;
using System.Text;
using Referrals.Core.Analytics;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using static Referrals.ShopifyBridge.Pages.BridgePage;

namespace Referrals.ShopifyBridge.Pages;

/// <summary>
/// Referred customers next to every other customer (<see cref="ReferredCustomerValue"/>): over the chosen months as a
/// whole, then month by month, newest first. Every ratio is shown with the customer count it rests on, and a figure
/// from fewer than <see cref="SmallSampleCustomers"/> customers is marked, so two lucky buyers are not read as a trend.
/// </summary>
internal static class InsightsPage
{
    /// <summary>Fewer customers than this in a class and bucket mark its figures as a small sample.</summary>
    public const int SmallSampleCustomers = 30;

    /// <summary>The periods a merchant can pick, in months (this month included).</summary>
    public static readonly int[] MonthChoices = [3, 6, 12, 24];

    public const int DefaultMonths = 12;

    public static async Task<IResult> RenderAsync(string shop, int? months, HttpContext context, ReferralsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (tenant, refusal) = await ShopAccess.FindAsync(context, db, shop, cancellationToken);
        if (tenant is null)
        {
            return refusal!;
        }

        var count = months is { } m && MonthChoices.Contains(m) ? m : DefaultMonths;
        var now = clock.GetUtcNow();
        var from = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - count);
        var period = new AnalyticsMonths(from, now > from ? now : from.AddDays(1));
        var currency = tenant.Settings.Currency;
        var whole = await ReferredCustomerValue.OverPeriodAsync(db, tenant.Id, currency, period, cancellationToken);
        var byMonth = await ReferredCustomerValue.ByMonthAsync(db, tenant.Id, currency, period, cancellationToken);
        var manyCurrencies = whole.Count > 1;

        var path = ShopPages.PathFor(tenant.Key, ShopPages.Insights);
        var html = new StringBuilder(ShopAccess.Navigation(tenant.Key, "Insights"));
        html.Append("<form method=\"get\" action=\"").Append(E(path)).Append("\" class=\"inline\"><label for=\"months\">Period</label><select id=\"months\" name=\"months\">");
        foreach (var choice in MonthChoices)
        {
            html.Append("<option value=\"").Append(choice.ToString(CultureInfo.InvariantCulture)).Append('"').Append(choice == count ? " selected" : "").Append(">Last ")
                .Append(choice.ToString(CultureInfo.InvariantCulture)).Append(" months</option>");
        }

        html.Append("</select><button>Show</button></form>");
        html.Append("<p class=\"hint\">Referred customers are friends whose referral stands (converted or rewarded); everyone else with a paid order is <em>other</em>. ")
            .Append("Revenue is net of refunds. A repeat customer ordered twice or more in the same month (or period). Figures marked <span class=\"small\">*</span> rest on fewer than ")
            .Append(SmallSampleCustomers.ToString(CultureInfo.InvariantCulture)).Append(" customers: read them with care.</p>");

        html.Append("<h2>").Append(E($"{Month(period.From)} to {Month(now)}")).Append("</h2>");
        AppendTable(html, "Currency", whole.Select(c => (c.Currency, c)));
        html.Append("<h2>By month</h2>");
        AppendTable(html, "Month", byMonth.OrderByDescending(c => c.Start).ThenBy(c => c.Currency, StringComparer.Ordinal)
            .Select(c => (manyCurrencies ? $"{Month(c.Start)} {c.Currency}" : Month(c.Start), c)));
        return Render("Referred vs other customers", html.ToString());
    }

    private static void AppendTable(StringBuilder html, string firstColumn, IEnumerable<(string Label, CustomerValueComparison Value)> rows)
    {
        html.Append("<div class=\"scroll\"><table class=\"grid insights\"><thead><tr><th>").Append(E(firstColumn))
            .Append("</th><th></th><th class=\"num\">Customers</th><th class=\"num\">Revenue / customer</th><th class=\"num\">Avg. order</th><th class=\"num\">Repeat rate</th>")
            .Append("<th class=\"num\">Orders / customer</th><th class=\"num\">Refund rate</th><th class=\"num\">Orders</th></tr></thead><tbody>");
        foreach (var (label, value) in rows)
        {
            AppendRow(html, label, "Referred", value.Referred, value.Currency, first: true);
            AppendRow(html, label, "Other", value.Other, value.Currency, first: false);
        }

        html.Append("</tbody></table></div>");
    }

    private static void AppendRow(StringBuilder html, string label, string kind, CustomerValueFigures f, string currency, bool first)
    {
        // An empty class shows no ratios at all, so there is nothing to mark.
        var small = f.Customers is > 0 and < SmallSampleCustomers;
        html.Append(first ? "<tr class=\"pair\">" : "<tr>")
            .Append(first ? $"<td rowspan=\"2\">{E(label)}</td>" : "")
            .Append("<td>").Append(kind).Append("</td><td class=\"num\">").Append(f.Customers.ToString(CultureInfo.InvariantCulture))
            .Append(small ? "<span class=\"small\" title=\"Small sample\">*</span>" : "").Append("</td>")
            .Append("<td class=\"num\">").Append(E(MoneyText(f.RevenuePerCustomer, currency))).Append("</td>")
            .Append("<td class=\"num\">").Append(E(MoneyText(f.AverageOrderValue, currency))).Append("</td>")
            .Append("<td class=\"num\">").Append(E(Percent(f.RepeatRate))).Append("</td>")
            .Append("<td class=\"num\">").Append(E(Number(f.OrdersPerCustomer))).Append("</td>")
            .Append("<td class=\"num\">").Append(E(Percent(f.RefundRate))).Append("</td>")
            .Append("<td class=\"num\">").Append(f.Orders.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
    }

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    private static string MoneyText(decimal? value, string currency) =>
        value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.00} {currency}") : "–";

    private static string Number(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Percent(decimal? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v * 100:0.0} %") : "–";
}
