namespace Referrals.Core.Engine;

/// <summary>
/// The payload of an outbox message of kind <see cref="AskDispatcher.EmailKind"/>: the ask whose satisfaction e-mail
/// is to be sent. The handler loads the ask, contact and tenant itself, so the payload holds no personal data.
/// </summary>
/// <param name="AskId">The ask.</param>
public sealed record AskEmailMessage(Guid AskId);
