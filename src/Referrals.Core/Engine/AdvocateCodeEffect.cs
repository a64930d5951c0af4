namespace Referrals.Core.Engine;

/// <summary>
/// An outbox kind that <see cref="AdvocateCodes"/> enqueues whenever it gives an advocate a new code, so a host can
/// publish the code elsewhere (the Shopify bridge creates a matching discount code). Register one per kind as a
/// singleton; the payload is <see cref="AdvocateCodeMessage"/> and the idempotency key <c>{kind}:{codeId:N}</c>.
/// </summary>
/// <param name="OutboxKind">The outbox kind; a handler of that kind must be registered.</param>
public sealed record AdvocateCodeEffect(string OutboxKind);
