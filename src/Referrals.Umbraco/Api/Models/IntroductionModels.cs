using Referrals.Core.Engine;
using Referrals.Core.Referrals;

namespace Referrals.Umbraco.Api.Models;

/// <summary>
/// One introduction as the backoffice lists it. The friend is shown as their name, or their address masked
/// (<c>c…@example.com</c>); <see cref="FriendRedacted"/> is true once the friend's data was erased.
/// </summary>
public sealed record IntroductionModel(
    Guid Id, Guid AdvocateId, string? AdvocateName, string? Friend, bool FriendRedacted, IntroductionChannel Channel,
    ReferralState State, string? Note, DateTimeOffset CreatedAt);

/// <summary>
/// An introduction an advocate made by phone or in person, recorded by an editor. The friend's name and address are
/// optional; <see cref="Channel"/> must be <c>Phone</c> or <c>InPerson</c> (e-mail introductions are sent by the engine
/// on the advocate's request, not recorded here).
/// </summary>
public sealed record RecordIntroductionRequest(Guid? AdvocateId, string? FriendName, string? FriendEmail, string? Note, IntroductionChannel? Channel);
