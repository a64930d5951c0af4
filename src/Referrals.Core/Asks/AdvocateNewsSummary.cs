using System.Globalization;

namespace Referrals.Core.Asks;

/// <summary>
/// What an advocate's referrals achieved, for the advocate news's <c>referral_summary</c>: referrals they started
/// (invited) and those that stand converted (Converted or Rewarded), in the last <see cref="RecentDays"/> days and in
/// all, and their rewards in the program's currency: earned (every reward not voided) and issued (paid out).
/// </summary>
/// <param name="RecentDays">How many days "recent" covers (the news interval).</param>
/// <param name="InvitedRecently">Referrals started in those days.</param>
/// <param name="ConvertedRecently">Referrals converted in those days that stand.</param>
/// <param name="InvitedInAll">Referrals started ever.</param>
/// <param name="ConvertedInAll">Referrals converted ever that stand.</param>
/// <param name="RewardsEarned">Rewards earned in <paramref name="Currency"/>, not voided.</param>
/// <param name="RewardsIssued">Of them, rewards issued.</param>
/// <param name="Currency">The ISO 4217 currency of the rewards.</param>
public sealed record AdvocateNewsSummary(int RecentDays, int InvitedRecently, int ConvertedRecently, int InvitedInAll, int ConvertedInAll,
    decimal RewardsEarned, decimal RewardsIssued, string Currency)
{
    /// <summary>
    /// The summary as English sentences, e.g. "In the last 30 days you introduced 2 people and 1 became a customer. In
    /// all: 5 introduced, 3 customers. Rewards earned: 30.00 EUR, of which 20.00 EUR issued."
    /// </summary>
    public string Phrase()
    {
        var recent = InvitedRecently == 0 && ConvertedRecently == 0
            ? $"No new introductions in the last {RecentDays} days."
            : $"In the last {RecentDays} days you introduced {People(InvitedRecently)} and {ConvertedRecently} became {(ConvertedRecently == 1 ? "a customer" : "customers")}.";
        var all = $"In all: {InvitedInAll} introduced, {ConvertedInAll} {(ConvertedInAll == 1 ? "customer" : "customers")}.";
        var rewards = RewardsEarned == 0m
            ? ""
            : $" Rewards earned: {Money(RewardsEarned)}, of which {Money(RewardsIssued)} issued.";
        return $"{recent} {all}{rewards}";
    }

    private static string People(int n) => n == 1 ? "1 person" : string.Create(CultureInfo.InvariantCulture, $"{n} people");

    private string Money(decimal amount) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {Currency}");
}
