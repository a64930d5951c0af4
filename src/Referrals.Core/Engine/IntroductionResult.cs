using Referrals.Core.Referrals;

namespace Referrals.Core.Engine;

/// <summary>The outcome of <see cref="Introductions.IntroduceAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Referral">The referral for <see cref="IntroductionStatus.Queued"/> and <see cref="IntroductionStatus.Recorded"/>; null when refused.</param>
public sealed record IntroductionResult(IntroductionStatus Status, Referral? Referral = null)
{
    /// <summary>Whether the introduction was accepted (queued or recorded).</summary>
    public bool Accepted => Status is IntroductionStatus.Queued or IntroductionStatus.Recorded;
}
