using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Contacts;
using Referrals.Core.Email;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;

namespace Referrals.Core.Engine;

/// <summary>
/// Introductions on an advocate's behalf: the advocate names a friend and writes a note, and the business sends the
/// friend exactly one introduction e-mail in the advocate's name (<see cref="EmailKind"/>); or an editor records an
/// introduction the advocate made by phone or in person. Either way a <see cref="ReferralSource.Named"/> referral and
/// the advocate's thank-you card task are created.
/// </summary>
/// <remarks>
/// <para>
/// The friend's address is used for that one message only: the outbox handler clears <see cref="Referral.FriendEmail"/>
/// once the e-mail is sent. <see cref="Referral.FriendNormalizedEmail"/> stays, because attribution matches the friend's
/// first order by it; the friend-retention job erases it with the rest of the friend's data once the referral is stale.
/// What must outlive that — the opt-out and the last introduction time — sits in <see cref="FriendSuppression"/>, keyed by
/// a hash rather than the address, so it also survives redaction.
/// </para>
/// <para>
/// No Reply-To is set: the e-mail comes from the business, and a friend who answers writes to the business, which then
/// has its own reason to keep their address.
/// </para>
/// </remarks>
public sealed class Introductions
{
    /// <summary>The longest personal note, in characters.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>The outbox kind of the introduction e-mail.</summary>
    public const string EmailKind = "introduction.email";

    /// <summary>The path of the friend's opt-out link below the public base address: <c>{base}/introductions/opt-out/{token}</c>.</summary>
    public const string OptOutPath = "introductions/opt-out";

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);
    private static readonly byte[] _optOutPurpose = Encoding.ASCII.GetBytes("referrals/introduction-opt-out/v1");

    private readonly TimeProvider _clock;
    private readonly StaffTasks _tasks;
    private readonly LinkSigningKey _key;

    /// <summary>Creates the service.</summary>
    public Introductions(TimeProvider clock, StaffTasks tasks, LinkSigningKey key)
    {
        _clock = clock;
        _tasks = tasks;
        _key = key;
    }

    /// <summary>The idempotency key of the introduction e-mail of <paramref name="referralId"/>: one e-mail per referral.</summary>
    public static string IdempotencyKey(Guid referralId) => $"{EmailKind}:{referralId:N}";

    /// <summary>
    /// Introduces <paramref name="friendEmail"/> on behalf of <paramref name="advocate"/> and saves. Refusals are typed
    /// results, never exceptions: see <see cref="IntroductionStatus"/>. An opted-out friend, or one introduced by e-mail
    /// within <see cref="ProgramSettings.IntroductionCooldownDays"/> (by any advocate), is never e-mailed.
    /// </summary>
    /// <param name="db">The context; saved on success.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="advocate">The advocate making the introduction.</param>
    /// <param name="friendName">The friend's name, if given.</param>
    /// <param name="friendEmail">The friend's e-mail; required for <see cref="IntroductionChannel.Email"/>, optional for a recorded introduction.</param>
    /// <param name="personalNote">The advocate's note to the friend (at most <see cref="MaxNoteLength"/> characters), or null.</param>
    /// <param name="permissionAttested">The advocate confirmed the friend agreed to hear from the business; required for e-mail.</param>
    /// <param name="channel">E-mail (sent by the business) or a phone or in-person introduction recorded by an editor.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ArgumentNullException"><paramref name="db"/>, <paramref name="tenant"/> or <paramref name="advocate"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not defined.</exception>
    public async Task<IntroductionResult> IntroduceAsync(ReferralsDbContext db, Tenant tenant, Contact advocate, string? friendName, string? friendEmail,
        string? personalNote, bool permissionAttested, IntroductionChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(advocate);
        if (!Enum.IsDefined(channel))
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "Use Email, Phone or InPerson.");
        }

        var byEmail = channel == IntroductionChannel.Email;
        if (byEmail && !permissionAttested)
        {
            return new IntroductionResult(IntroductionStatus.PermissionMissing);
        }

        var note = personalNote?.Trim() ?? "";
        if (note.Length > MaxNoteLength)
        {
            return new IntroductionResult(IntroductionStatus.NoteTooLong);
        }

        string? normalized = null;
        if (byEmail || !string.IsNullOrWhiteSpace(friendEmail))
        {
            normalized = EmailNormalizer.Normalize(friendEmail);
            if (normalized is null || normalized == advocate.NormalizedEmail)
            {
                return new IntroductionResult(IntroductionStatus.InvalidEmail);
            }
        }

        var now = _clock.GetUtcNow();
        FriendSuppression? suppression = null;
        if (byEmail)
        {
            var hash = FriendEmailHash.Compute(tenant.Id, normalized!);
            suppression = await db.FriendSuppressions.FirstOrDefaultAsync(s => s.TenantId == tenant.Id && s.EmailHash == hash, cancellationToken);
            if (suppression?.OptedOutAt is not null)
            {
                return new IntroductionResult(IntroductionStatus.FriendOptedOut);
            }

            if (suppression?.LastIntroducedAt is { } last && last > now.AddDays(-tenant.Settings.IntroductionCooldownDays))
            {
                return new IntroductionResult(IntroductionStatus.RecentlyIntroduced);
            }

            if (suppression is null)
            {
                suppression = new FriendSuppression(tenant.Id, hash, now);
                db.FriendSuppressions.Add(suppression);
            }

            suppression.LastIntroducedAt = now;
        }

        var referral = await OpenReferralAsync(db, tenant, advocate, friendName, friendEmail, normalized, now, cancellationToken);
        referral.IntroductionChannel = channel;
        if (!byEmail)
        {
            // The e-mail's note goes to the friend in the message; a recorded introduction's note is the editor's record of it.
            referral.IntroductionNote = note.Length == 0 ? null : note;
        }

        if (byEmail)
        {
            // The address may have been cleared by an earlier introduction of this open referral; this one needs it again.
            referral.FriendEmail = friendEmail!.Trim();
            var payload = new IntroductionEmailMessage(referral.Id, advocate.Id, suppression!.Id, note);
            await OutboxWriter.EnqueueAsync(db, new OutboxMessage(tenant.Id, EmailKind, $"{IdempotencyKey(referral.Id)}:{now.UtcTicks}", JsonSerializer.Serialize(payload, PayloadJson), now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new IntroductionResult(byEmail ? IntroductionStatus.Queued : IntroductionStatus.Recorded, referral);
    }

    /// <summary>
    /// Records the friend's opt-out from the link in an introduction e-mail (<see cref="OptOutLink"/>); the friend is never
    /// introduced again. Idempotent; for the hosts' opt-out endpoint.
    /// </summary>
    /// <returns>False when the token is not valid or names no friend.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="db"/> is null.</exception>
    public async Task<bool> OptOutAsync(ReferralsDbContext db, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!OptOutSigner().TryVerify(token, out var verified))
        {
            return false;
        }

        var suppression = await db.FriendSuppressions.FirstOrDefaultAsync(s => s.Id == verified!.ContactId && s.TenantId == verified.TenantId, cancellationToken);
        if (suppression is null)
        {
            return false;
        }

        suppression.OptedOutAt ??= _clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether <paramref name="token"/> is a genuine opt-out token (signature only; the row is checked on opt-out).</summary>
    public bool IsOptOutToken(string? token) => OptOutSigner().TryVerify(token, out _);

    /// <summary>The friend's opt-out link: <c>{baseUrl}/introductions/opt-out/{token}</c>, signed for the suppression row.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="baseUrl"/> is null.</exception>
    public Uri OptOutLink(Uri baseUrl, Guid tenantId, Guid suppressionId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var basePath = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{basePath}/{OptOutPath}/{OptOutSigner().CreateToken(tenantId, suppressionId)}", UriKind.Absolute);
    }

    internal static IntroductionEmailMessage? ReadPayload(OutboxMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<IntroductionEmailMessage>(message.Payload, PayloadJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A key of its own, derived from the signing key, so an opt-out token is never a valid contact-unsubscribe token.
    private UnsubscribeLinks OptOutSigner() => new(HMACSHA256.HashData(_key.GetKey(), _optOutPurpose));

    private async Task<Referral> OpenReferralAsync(ReferralsDbContext db, Tenant tenant, Contact advocate, string? friendName, string? friendEmail,
        string? normalized, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (normalized is not null)
        {
            var open = await db.Referrals.FirstOrDefaultAsync(
                r => r.TenantId == tenant.Id && r.AdvocateContactId == advocate.Id && r.FriendNormalizedEmail == normalized
                    && (r.State == ReferralState.Invited || r.State == ReferralState.Visited),
                cancellationToken);
            if (open is not null)
            {
                return open;
            }
        }

        var chain = await ChainPositions.ForAdvocateAsync(db, tenant.Id, advocate.Id, cancellationToken);
        var referral = new Referral(tenant.Id, advocate.Id, ReferralSource.Named, chain, tenant.Settings.Currency, now)
        {
            FriendName = string.IsNullOrWhiteSpace(friendName) ? null : friendName.Trim(),
            FriendEmail = string.IsNullOrWhiteSpace(friendEmail) ? null : friendEmail.Trim(),
            FriendNormalizedEmail = normalized,
        };
        db.Referrals.Add(referral);
        await _tasks.ThankYouCardAsync(db, tenant, referral, advocate, cancellationToken);
        return referral;
    }
}
