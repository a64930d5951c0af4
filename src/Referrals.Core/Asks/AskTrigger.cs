namespace Referrals.Core.Asks;

/// <summary>The moment in the customer's journey that plans an ask (DESIGN.md §2.1: ask on a fixed timeline).</summary>
public enum AskTrigger
{
    /// <summary>An order was paid.</summary>
    Purchase = 0,

    /// <summary>An order was delivered or a service was completed.</summary>
    Fulfilment,

    /// <summary>A support problem was solved; satisfaction is at its highest right after.</summary>
    ProblemSolved,

    /// <summary>Work is about to start ("who else could benefit?").</summary>
    BeforeStart,

    /// <summary>A regular ask on a fixed interval, independent of events.</summary>
    Cadence,

    /// <summary>Someone at the business asked for it by hand.</summary>
    Manual,

    /// <summary>
    /// Not a question: the regular advocate news (what their referrals achieved, their rewards, their link). Recorded as
    /// an ask so that it counts toward and respects the same frequency cap, consent and redaction rules.
    /// </summary>
    AdvocateNews,
}
