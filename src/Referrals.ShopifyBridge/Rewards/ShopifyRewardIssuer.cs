using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referrals.Core;
using Referrals.Core.Audit;
using Referrals.Core.Contacts;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.AdminApi.Operations;

namespace Referrals.ShopifyBridge.Rewards;

/// <summary>
/// Pays rewards in the tenant's Shopify store: <see cref="RewardKind.StoreCredit"/> as <c>storeCreditAccountCredit</c>
/// to the contact's Shopify customer, <see cref="RewardKind.DiscountCode"/> as a single-use
/// <c>discountCodeBasicCreate</c> bound to that customer. Other kinds (donations, gift cards, points, manual rewards)
/// are recorded only (<c>recorded:{key}</c>): the business pays them by hand, as with <see cref="RecordOnlyRewardIssuer"/>.
/// Claw-backs of store credit are <c>storeCreditAccountDebit</c>; everything else stands as debt.
/// </summary>
/// <remarks>
/// <para>
/// <b>Why store credit is never paid twice.</b> The outbox calls the issuer at least once per entry, and Shopify's
/// store-credit mutations are not idempotent: <c>StoreCreditAccountCreditInput</c> has no note, reference or
/// idempotency key (only <c>creditAmount</c>, <c>expiresAt</c>, <c>notify</c>), so a credit carries no marker of ours
/// that could be searched for later. Instead each credit or debit is bracketed:
/// </para>
/// <list type="number">
/// <item>Moves of one customer's store credit take turns, across processes (<see cref="HeldAcrossCallsLock"/>): while one
/// move snapshots, sends and reads back, no other move of ours can add a transaction that looks like its own.</item>
/// <item>If an earlier attempt for the same idempotency key was recorded as started and never resolved (the process
/// died mid-call, or the read-back failed), it is resolved from the ids it recorded, once it is older than
/// <see cref="ShopifyAdminApiOptions.AttemptTimeout"/> (so its call can no longer be in flight): a transaction of our
/// kind, amount and currency that is not among them is ours and is returned; none means it was not applied, the attempt
/// is cleared and the mutation sent. A younger attempt is retried later (the message is not dead-lettered); an attempt
/// that recorded no ids is dead-lettered (<see cref="PermanentMessageException"/>) for a person to check, never retried
/// blindly.</item>
/// <item>The customer's recent store-credit transactions are read (a snapshot of their ids), then the attempt is
/// recorded durably (an <see cref="AuditEntry"/> <c>shopify.store-credit.attempt</c>, committed on its own, with the
/// snapshot's ids of our kind, amount and currency).</item>
/// <item>The mutation is sent. When the answer is lost (<see cref="ShopifyOutcomeUnknownException"/>: 5xx, time-out),
/// the transactions are read again: a new transaction of our kind, amount and currency that was not in the snapshot is
/// ours, and its id is returned; none means Shopify did not apply it, the attempt is cleared and the mutation is sent
/// again (up to three times, then the outbox retries later).</item>
/// <item>The transaction found ours is recorded (<c>shopify.store-credit.applied</c>) before the turn ends: a repeat of
/// the key returns it without calling Shopify, with the amount the applied attempt sent (a repeat may ask for less when
/// the ledger reduced the reward since; the caller records what the store holds), and no later read-back of another key
/// takes it, even before the caller has committed it to the ledger. An unresolved attempt is likewise read back for the
/// amount it sent, not the amount asked now.</item>
/// <item>Any answer that proves nothing was applied (<c>userErrors</c>, THROTTLED/429 exhausted, no token) clears the attempt.</item>
/// </list>
/// <para>
/// A read-back skips transactions another key holds (recorded as applied, or held by a ledger entry written before
/// these records existed). It still cannot tell our credit from an identical one made by someone else in Shopify's
/// admin while the answer was lost; it then takes that one as ours, which under-pays (visible in Shopify) rather than
/// double-pays.
/// </para>
/// <para>
/// Discount codes need none of this: the code is derived from the idempotency key, and Shopify refuses a second create
/// of the same code with <c>TAKEN</c>, which is read as "already issued".
/// </para>
/// </remarks>
public sealed class ShopifyRewardIssuer : IRewardIssuer
{
    /// <summary>The audit actor of attempt records.</summary>
    public const string Actor = "shopify-reward-issuer";

    /// <summary>Audit action: a store-credit mutation is about to be sent for the subject's idempotency key.</summary>
    public const string AttemptAction = "shopify.store-credit.attempt";

    /// <summary>Audit action: the attempt is known not to have moved money.</summary>
    public const string ClearedAction = "shopify.store-credit.cleared";

    /// <summary>Audit action: the key's money moved; the details are the Shopify transaction's id.</summary>
    public const string AppliedAction = "shopify.store-credit.applied";

    /// <summary>The prefix of discount codes issued as rewards.</summary>
    public const string CodePrefix = "THANKS-";

    private const int MaxSends = 3;

    // Separates the attempt's description from the ids it saw; the audit's Details column holds 4,000 characters.
    private const string KnownMarker = "\nknown:";
    private const int MaxDetailsLength = 4000;

    // How far before a snapshot a record claiming one of its new transactions may be stamped: instances' clocks differ.
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromHours(1);

    private readonly ReferralsDbContextFactory _databases;
    private readonly IShopifyAdminClient _shopify;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _inFlightLimit;

    /// <summary>Creates the issuer.</summary>
    /// <param name="databases">The database (attempt records).</param>
    /// <param name="shopify">The Admin API client.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="adminApi">Its <see cref="ShopifyAdminApiOptions.AttemptTimeout"/> bounds how long a call can be in flight.</param>
    public ShopifyRewardIssuer(ReferralsDbContextFactory databases, IShopifyAdminClient shopify, TimeProvider clock, IOptions<ShopifyAdminApiOptions> adminApi)
    {
        ArgumentNullException.ThrowIfNull(adminApi);
        _databases = databases;
        _shopify = shopify;
        _clock = clock;
        _inFlightLimit = adminApi.Value.AttemptTimeout;
    }

    /// <summary>The single-use code issued for <paramref name="idempotencyKey"/>: the same on every attempt.</summary>
    public static string DiscountCodeFor(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        return CodePrefix + Convert.ToHexString(hash, 0, 6);
    }

    /// <inheritdoc />
    /// <exception cref="PermanentMessageException">An earlier attempt's outcome cannot be read back (it kept no ids): a person must check the customer's store credit.</exception>
    /// <exception cref="InvalidOperationException">An earlier attempt may still be in flight, or a lost answer could not be read back yet; the outbox retries later.</exception>
    public async Task<RewardIssueResult> IssueAsync(RewardIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind is not (RewardKind.StoreCredit or RewardKind.DiscountCode))
        {
            return RewardIssueResult.Done("recorded:" + request.IdempotencyKey);
        }

        var (target, problem) = await ResolveAsync(request, cancellationToken);
        if (target is null)
        {
            return RewardIssueResult.NotPossible(problem!);
        }

        if (request.Kind == RewardKind.DiscountCode)
        {
            return await IssueCodeAsync(request, target, cancellationToken);
        }

        return await MoveCreditAsync(request, target, StoreCreditTransactionKind.Credit, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="PermanentMessageException">An earlier attempt's outcome cannot be read back (it kept no ids): a person must check the customer's store credit.</exception>
    /// <exception cref="InvalidOperationException">An earlier attempt may still be in flight, or a lost answer could not be read back yet; the outbox retries later.</exception>
    public async Task<RewardIssueResult> ReverseAsync(RewardIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Kind)
        {
            case RewardKind.StoreCredit:
                break;
            case RewardKind.DiscountCode:
                return RewardIssueResult.NotPossible("A discount code cannot be taken back once sent; the amount offsets the next reward.");
            default:
                return RewardIssueResult.NotPossible("This reward was paid by hand, so nothing is taken back automatically; the amount offsets the next reward.");
        }

        var (target, problem) = await ResolveAsync(request, cancellationToken);
        if (target is null)
        {
            return RewardIssueResult.NotPossible(problem!);
        }

        return await MoveCreditAsync(request, target, StoreCreditTransactionKind.Debit, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Store credit only, from this issuer's own records: the transaction a key's attempt was resolved to, with the
    /// amount that attempt sent; an attempt left unresolved is read back first, in the customer's turn, as before a
    /// repeat. Discount codes and other kinds keep no record of a payment here, so null.
    /// </remarks>
    /// <exception cref="PermanentMessageException">An earlier attempt's outcome cannot be read back (it kept no ids): a person must check the customer's store credit.</exception>
    /// <exception cref="InvalidOperationException">An earlier attempt may still be in flight, or reading it back failed; the outbox retries later.</exception>
    public async Task<RewardIssueResult?> FindPaymentAsync(RewardIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind != RewardKind.StoreCredit || await LastRecordAsync(request, cancellationToken) is not { Action: AttemptAction or AppliedAction })
        {
            return null;
        }

        var (target, _) = await ResolveAsync(request, cancellationToken);
        if (target is null)
        {
            return null;
        }

        await using var turn = await CustomersTurnAsync(request, target, cancellationToken);
        var last = await LastRecordAsync(request, cancellationToken);
        if (last?.Action == AppliedAction && last.Details is { Length: > 0 } applied)
        {
            return RewardIssueResult.Done(applied, AttemptAmount(await LastAttemptAsync(request, cancellationToken), StoreCreditTransactionKind.Credit) ?? request.Amount);
        }

        return last?.Action == AttemptAction
            && await ResolveEarlierAttemptAsync(request, target, StoreCreditTransactionKind.Credit, last, cancellationToken) is { } earlier
            ? await AppliedAsync(request, earlier.TransactionId, earlier.Amount)
            : null;
    }

    private async Task<(Target? Target, string? Problem)> ResolveAsync(RewardIssueRequest request, CancellationToken cancellationToken)
    {
        await using var db = _databases.CreateDbContext();
        var shop = await db.Tenants.AsNoTracking().Where(t => t.Id == request.TenantId).Select(t => t.Key).FirstOrDefaultAsync(cancellationToken);
        if (shop is null)
        {
            return (null, $"The tenant {request.TenantId} does not exist.");
        }

        if (request.ContactId is not { } contactId)
        {
            return (null, $"The reward has no contact to pay in Shopify (beneficiary {request.Beneficiary}).");
        }

        var customerId = await db.ContactExternalIds.AsNoTracking()
            .Where(x => x.TenantId == request.TenantId && x.ContactId == contactId && x.System == ContactExternalId.Shopify)
            .OrderBy(x => x.Id).Select(x => x.Value).FirstOrDefaultAsync(cancellationToken);
        return customerId is null
            ? (null, $"The contact {contactId} has no Shopify customer id, so the reward cannot be paid in {shop}; pay it by hand or link the customer.")
            : (new Target(shop, customerId), null);
    }

    private async Task<RewardIssueResult> IssueCodeAsync(RewardIssueRequest request, Target target, CancellationToken cancellationToken)
    {
        var code = DiscountCodeFor(request.IdempotencyKey);
        var operation = new DiscountCodeBasicCreate("Referral thank-you " + code, code, new DiscountValue.FixedAmount(request.Amount.Amount), target.CustomerId);
        try
        {
            var created = await _shopify.ExecuteAsync(target.Shop, operation, cancellationToken);
            return RewardIssueResult.Done(created.Code);
        }
        catch (ShopifyUserErrorsException e) when (e.HasCode("TAKEN"))
        {
            // Our deterministic code exists: an earlier attempt created it (perhaps with its answer lost).
            return RewardIssueResult.Done(code);
        }
        catch (ShopifyUserErrorsException e)
        {
            return RewardIssueResult.NotPossible(e.Message);
        }
    }

    private async Task<RewardIssueResult> MoveCreditAsync(RewardIssueRequest request, Target target, StoreCreditTransactionKind kind, CancellationToken cancellationToken)
    {
        await using var turn = await CustomersTurnAsync(request, target, cancellationToken);
        var last = await LastRecordAsync(request, cancellationToken);
        if (last?.Action == AppliedAction && last.Details is { Length: > 0 } applied)
        {
            // The first try's money, which the caller may not have recorded: when the ledger reduced the reward since,
            // this repeat asks for less, but the store holds what the attempt that was applied sent.
            return RewardIssueResult.Done(applied, AttemptAmount(await LastAttemptAsync(request, cancellationToken), kind) ?? request.Amount);
        }

        if (last?.Action == AttemptAction
            && await ResolveEarlierAttemptAsync(request, target, kind, last, cancellationToken) is { } earlier)
        {
            return await AppliedAsync(request, earlier.TransactionId, earlier.Amount);
        }

        for (var send = 1; ; send++)
        {
            var snapshotAt = _clock.GetUtcNow();
            var before = await ReadTransactionsAsync(target, cancellationToken);
            await RecordAsync(request, AttemptAction, AttemptDetails(request, target, kind, send, before), cancellationToken);
            try
            {
                var transactionId = kind == StoreCreditTransactionKind.Credit
                    ? (await _shopify.ExecuteAsync(target.Shop, new StoreCreditAccountCredit(target.CustomerId, request.Amount), cancellationToken)).TransactionId
                    : (await _shopify.ExecuteAsync(target.Shop, new StoreCreditAccountDebit(target.CustomerId, request.Amount), cancellationToken)).TransactionId;
                return await AppliedAsync(request, transactionId, request.Amount);
            }
            catch (ShopifyOutcomeUnknownException unknown)
            {
                var ours = await FindOursAsync(request, target, kind, before, snapshotAt, unknown, cancellationToken);
                if (ours is not null)
                {
                    return await AppliedAsync(request, ours, request.Amount);
                }

                await RecordAsync(request, ClearedAction, $"not applied after {unknown.Failure}", CancellationToken.None);
                if (send >= MaxSends)
                {
                    throw;
                }
            }
            catch (ShopifyUserErrorsException refused)
            {
                await RecordAsync(request, ClearedAction, "refused", CancellationToken.None);
                return RewardIssueResult.NotPossible(refused.Message);
            }
            catch (Exception e) when (e is ShopifyAdminApiException or HttpRequestException)
            {
                // Throttling, 429, 401 or a missing token: Shopify guarantees these were not applied.
                await RecordAsync(request, ClearedAction, "not sent: " + e.GetType().Name, CancellationToken.None);
                throw;
            }
        }
    }

    // One move of this customer's credit at a time: two moves of the same amount in flight together would each take the
    // other's transaction for its own when both answers were lost.
    private Task<HeldAcrossCallsLock> CustomersTurnAsync(RewardIssueRequest request, Target target, CancellationToken cancellationToken) =>
        HeldAcrossCallsLock.AcquireAsync(_databases, $"shopify-store-credit/{request.TenantId:N}/{target.Shop}/{target.CustomerId}", cancellationToken);

    // Recorded before the customer's turn ends, whatever the caller's token says: the money moved. Should the record
    // fail, the attempt stays unresolved and a later delivery reads it back.
    private async Task<RewardIssueResult> AppliedAsync(RewardIssueRequest request, string transactionId, Money moved)
    {
        await RecordAsync(request, AppliedAction, transactionId, CancellationToken.None);
        return RewardIssueResult.Done(transactionId, moved);
    }

    private async Task<string?> FindOursAsync(RewardIssueRequest request, Target target, StoreCreditTransactionKind kind,
        IReadOnlyList<StoreCreditTransactionInfo> before, DateTimeOffset snapshotAt, ShopifyOutcomeUnknownException unknown, CancellationToken cancellationToken)
    {
        IReadOnlyList<StoreCreditTransactionInfo> after;
        try
        {
            after = await ReadTransactionsAsync(target, cancellationToken);
        }
        catch (Exception e) when (e is ShopifyAdminApiException or HttpRequestException)
        {
            // The attempt stays unresolved, with its ids: a later delivery reads back again and settles it.
            throw new InvalidOperationException(
                $"The store-credit {Verb(kind)} of {Describe(request.Amount)} for customer {target.CustomerId} in {target.Shop} may or may not have been applied " +
                $"({unknown.Failure}), and reading the account back failed ({e.Message}); a later attempt reads it back again before sending anything.", e);
        }

        var known = before.Select(t => t.Id).Where(id => id is not null).ToHashSet(StringComparer.Ordinal)!;
        return await NewTransactionAsync(request, kind, request.Amount, known!, snapshotAt, after, cancellationToken);
    }

    /// <summary>
    /// The transaction of our kind, amount and currency that is not in <paramref name="known"/> (the snapshot taken at
    /// <paramref name="snapshotAt"/>) and that no other key holds: another move of the same amount for the same
    /// customer, made meanwhile, is never taken for ours.
    /// </summary>
    private async Task<string?> NewTransactionAsync(RewardIssueRequest request, StoreCreditTransactionKind kind, Money amount, IReadOnlySet<string> known,
        DateTimeOffset snapshotAt, IReadOnlyList<StoreCreditTransactionInfo> after, CancellationToken cancellationToken)
    {
        var candidates = after.Where(t => t.Id is not null && !known.Contains(t.Id) && IsLike(t, kind, amount)).Select(t => t.Id!).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        await using var db = _databases.CreateDbContext();
        // A record claiming one of them was written after the transaction existed, so after the snapshot: the bound
        // keeps the search on the audit log's (tenant, time) index.
        var since = snapshotAt - ClockSkewMargin;
        var claimed = await db.AuditLog.AsNoTracking()
            .Where(a => a.TenantId == request.TenantId && a.At >= since && a.Actor == Actor && a.Action == AppliedAction
                && a.Subject != request.IdempotencyKey && a.Details != null && candidates.Contains(a.Details))
            .Select(a => a.Details!).ToListAsync(cancellationToken);
        var held = await db.Ledger.AsNoTracking()
            .Where(e => e.TenantId == request.TenantId && e.ExternalRef != null && candidates.Contains(e.ExternalRef))
            .Select(e => e.ExternalRef!).ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(id => !claimed.Contains(id, StringComparer.Ordinal) && !held.Contains(id, StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<StoreCreditTransactionInfo>> ReadTransactionsAsync(Target target, CancellationToken cancellationToken) =>
        await _shopify.ExecuteAsync(target.Shop, new CustomerStoreCreditTransactions(target.CustomerId), cancellationToken) ?? [];

    /// <summary>
    /// The key's last record: an attempt nothing resolved after it (the process died, or the read-back failed), the
    /// transaction it was resolved to, or a clearing.
    /// </summary>
    private async Task<AuditEntry?> LastRecordAsync(RewardIssueRequest request, CancellationToken cancellationToken)
    {
        await using var db = _databases.CreateDbContext();
        return await db.AuditLog.AsNoTracking()
            .Where(a => a.TenantId == request.TenantId && a.Subject == request.IdempotencyKey && a.Actor == Actor)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The key's last attempt record, the one a later applied record resolved.</summary>
    private async Task<AuditEntry?> LastAttemptAsync(RewardIssueRequest request, CancellationToken cancellationToken)
    {
        await using var db = _databases.CreateDbContext();
        return await db.AuditLog.AsNoTracking()
            .Where(a => a.TenantId == request.TenantId && a.Subject == request.IdempotencyKey && a.Actor == Actor && a.Action == AttemptAction)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Settles an unresolved attempt from the ids it recorded: our transaction and the amount that attempt sent (which a
    /// repeat of the key may no longer ask for) when it was applied; null when it was not (the attempt is cleared, so
    /// the caller sends the mutation for the amount asked now).
    /// </summary>
    /// <exception cref="PermanentMessageException">The attempt recorded no ids (too many to keep, or an older record): a person must check.</exception>
    /// <exception cref="InvalidOperationException">The attempt's call may still be in flight; the outbox retries later.</exception>
    private async Task<(string TransactionId, Money Amount)?> ResolveEarlierAttemptAsync(RewardIssueRequest request, Target target, StoreCreditTransactionKind kind,
        AuditEntry attempt, CancellationToken cancellationToken)
    {
        var marker = attempt.Details?.IndexOf(KnownMarker, StringComparison.Ordinal) ?? -1;
        if (marker < 0)
        {
            throw new PermanentMessageException(
                $"The outcome of an earlier store-credit {Verb(kind)} of {Describe(request.Amount)} for customer {target.CustomerId} in {target.Shop} is unknown " +
                $"(key {request.IdempotencyKey}). Check the customer's store credit in Shopify before retrying this message, or the customer may be paid twice.");
        }

        var age = _clock.GetUtcNow() - attempt.At;
        if (age < _inFlightLimit)
        {
            throw new InvalidOperationException(
                $"An earlier store-credit {Verb(kind)} for key {request.IdempotencyKey} started {age.TotalSeconds:0} s ago and may still be in flight; it is checked once {_inFlightLimit.TotalSeconds:0} s have passed.");
        }

        // The ids it kept are of transactions like the one it sent, so it is read back for its own amount, not the
        // amount asked now: a repeat asking for less must still find the larger credit that landed.
        var sent = AttemptAmount(attempt, kind) ?? request.Amount;
        var known = attempt.Details![(marker + KnownMarker.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var ours = await NewTransactionAsync(request, kind, sent, known, attempt.At, await ReadTransactionsAsync(target, cancellationToken), cancellationToken);
        if (ours is null)
        {
            await RecordAsync(request, ClearedAction, "not applied: read back after the attempt was left unresolved", CancellationToken.None);
            return null;
        }

        return (ours, sent);
    }

    /// <summary>
    /// The amount an attempt record says it sent (its details start <c>credit 10.00 EUR to ...</c>); null when it says
    /// nothing readable, or there is no attempt.
    /// </summary>
    private static Money? AttemptAmount(AuditEntry? attempt, StoreCreditTransactionKind kind)
    {
        var words = attempt?.Details?.Split(' ', 4);
        return words is [var verb, var amount, var currency, _] && verb == Verb(kind) && currency.Length == 3
            && decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0
            ? new Money(value, currency)
            : null;
    }

    /// <summary>What the attempt record says: the call, and the ids of the snapshot's transactions that the read-back could take for ours.</summary>
    private static string AttemptDetails(RewardIssueRequest request, Target target, StoreCreditTransactionKind kind, int send, IReadOnlyList<StoreCreditTransactionInfo> before)
    {
        var details = $"{Verb(kind)} {Describe(request.Amount)} to {target.CustomerId} in {target.Shop}, send {send}";
        var withIds = details + KnownMarker + string.Join(' ', before.Where(t => t.Id is not null && IsLike(t, kind, request.Amount)).Select(t => t.Id));
        // Too many look-alikes to keep: the attempt stays unresolvable, as before, and a person checks.
        return withIds.Length <= MaxDetailsLength ? withIds : details;
    }

    private static bool IsLike(StoreCreditTransactionInfo transaction, StoreCreditTransactionKind kind, Money amount) =>
        transaction.Kind == kind && transaction.Amount.Amount == amount.Amount
        && string.Equals(transaction.Amount.Currency, amount.Currency, StringComparison.OrdinalIgnoreCase);

    private async Task RecordAsync(RewardIssueRequest request, string action, string details, CancellationToken cancellationToken)
    {
        await using var db = _databases.CreateDbContext();
        db.AuditLog.Add(new AuditEntry(request.TenantId, Actor, action, request.IdempotencyKey, details, _clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Verb(StoreCreditTransactionKind kind) => kind == StoreCreditTransactionKind.Credit ? "credit" : "debit";

    // Exact (never rounded), since an attempt's amount is read back from its description.
    private static string Describe(Money money) => money.Amount.ToString("0.00##########", CultureInfo.InvariantCulture) + " " + money.Currency;

    private sealed record Target(string Shop, string CustomerId);
}
