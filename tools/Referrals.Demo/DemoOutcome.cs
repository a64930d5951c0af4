namespace Referrals.Demo;

/// <summary>How the story ended, with the end state it read, so a test can hold the demo to it.</summary>
/// <param name="Passed">Every step's expectation held.</param>
/// <param name="Failure">The step and expectation that did not hold; null when <paramref name="Passed"/>.</param>
/// <param name="StepsCompleted">The titles of the steps whose expectations held, in order.</param>
/// <param name="StoreCredit">The sandbox store's own record for the advocate: (kind, amount, currency) per transaction, oldest first.</param>
/// <param name="AdvocateBalance">The advocate's store-credit balance in the sandbox at the end.</param>
/// <param name="Ledger">The bridge's ledger at the end: "type state amount currency" per entry, in creation order.</param>
/// <param name="Emails">The subjects of the e-mails in the pickup directory at the end.</param>
internal sealed record DemoOutcome(
    bool Passed,
    string? Failure,
    IReadOnlyList<string> StepsCompleted,
    IReadOnlyList<string> StoreCredit,
    decimal AdvocateBalance,
    IReadOnlyList<string> Ledger,
    IReadOnlyList<string> Emails);
