namespace Referrals.Core.Satisfaction;

/// <summary>The satisfaction gate's verdict on one score.</summary>
/// <param name="Score">The score given, 0-10.</param>
/// <param name="Category">Promoter, passive or detractor under the thresholds used.</param>
/// <param name="NextStep">What to do next: the referral ask, a thank-you only, or a service-recovery task.</param>
public sealed record GateDecision(int Score, SatisfactionCategory Category, GateNextStep NextStep);
