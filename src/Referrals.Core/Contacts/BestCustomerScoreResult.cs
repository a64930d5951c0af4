namespace Referrals.Core.Contacts;

/// <summary>
/// A best-customer score and the parts it was made of, so an editor can see why a contact ranks where it does.
/// Each part is 0-100 before weighting; see <see cref="BestCustomerScorer"/> for the formula.
/// </summary>
/// <param name="Total">The weighted score, 0-100, rounded to a whole number.</param>
/// <param name="Recency">Points for how recently the contact ordered, 0-100.</param>
/// <param name="Frequency">Points for how often the contact ordered, 0-100.</param>
/// <param name="Monetary">Points for how much the contact spent, 0-100.</param>
/// <param name="Satisfaction">Points for the last satisfaction score, 0-100 (50 when unknown).</param>
/// <param name="Advocacy">Points for referrals already made, 0-100.</param>
public sealed record BestCustomerScoreResult(
    int Total,
    double Recency,
    double Frequency,
    double Monetary,
    double Satisfaction,
    double Advocacy);
