using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Referrals.Core;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Referrals;
using Referrals.Core.Tenants;
using Referrals.Umbraco.Hosting;
using Referrals.Umbraco.Visitor;

namespace Referrals.Umbraco.Events;

/// <summary>Turns the site's sign-ups and orders into engine calls; see <see cref="IReferralEvents"/>.</summary>
internal sealed partial class ReferralEvents : IReferralEvents
{
    /// <summary>The attribution rule recorded on a referral a sign-up converted.</summary>
    public const string SignUpRule = "MemberSignUp";

    /// <summary>Prefix of the pseudo order id a sign-up conversion records (followed by the friend's contact id).</summary>
    public const string SignUpOrderPrefix = "signup:";

    private readonly ReferralsDbContextFactory _databases;
    private readonly SiteTenant _site;
    private readonly ContactDirectory _contacts;
    private readonly OrderEventProcessor _orders;
    private readonly IHttpContextAccessor _http;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReferralEvents> _logger;

    public ReferralEvents(ReferralsDbContextFactory databases, SiteTenant site, ContactDirectory contacts, OrderEventProcessor orders,
        IHttpContextAccessor http, TimeProvider clock, ILogger<ReferralEvents> logger)
    {
        _databases = databases;
        _site = site;
        _contacts = contacts;
        _orders = orders;
        _http = http;
        _clock = clock;
        _logger = logger;
    }

    public async Task<ConversionResult> RecordConversionAsync(string email, string orderId, decimal amount, string currency, string? referralCode = null,
        CancellationToken cancellationToken = default)
    {
        if (EmailNormalizer.Normalize(email) is null)
        {
            throw new ArgumentException($"'{email}' is not an e-mail address.", nameof(email));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        if (orderId.Length > 100)
        {
            throw new ArgumentException("The order id is longer than 100 characters.", nameof(orderId));
        }

        if (amount <= 0)
        {
            throw new ArgumentException("The order amount must be greater than zero.", nameof(amount));
        }

        if (string.IsNullOrWhiteSpace(currency) || currency.Length != 3 || !currency.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code such as EUR.", nameof(currency));
        }

        var code = referralCode ?? AttributionCookie.Read(_http.HttpContext?.Request);
        await using var db = _databases.CreateDbContext();
        var tenant = await _site.GetAsync(db, cancellationToken);
        var now = _clock.GetUtcNow();
        var outcome = await _orders.ProcessPaidAsync(db, tenant, new PaidOrder
        {
            OrderId = orderId,
            Total = new Money(amount, currency.ToUpperInvariant()),
            PlacedAt = now,
            PaidAt = now,
            Customer = new CustomerInfo { Email = email, ExternalSystem = ContactExternalId.UmbracoMember },
            LandingSiteRef = code,
        }, cancellationToken);
        LogConversion(_logger, orderId, outcome.Status, outcome.ReferralId);
        return new ConversionResult(outcome.Status switch
        {
            OrderStatus.Converted => ConversionStatus.Converted,
            OrderStatus.UnderReview => ConversionStatus.UnderReview,
            OrderStatus.Rejected or OrderStatus.BelowMinimum => ConversionStatus.Rejected,
            OrderStatus.AlreadyProcessed => ConversionStatus.AlreadyRecorded,
            OrderStatus.TenantInactive => ConversionStatus.Inactive,
            _ => ConversionStatus.NotReferred,
        }, outcome.ReferralId);
    }

    public async Task<ConversionResult> RecordSignUpAsync(string email, Guid? memberKey, string? referralCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = _databases.CreateDbContext();
        var tenant = await _site.GetAsync(db, cancellationToken);
        if (tenant.State != TenantState.Active)
        {
            return new ConversionResult(ConversionStatus.Inactive, null);
        }

        var friend = await UpsertMemberAsync(db, tenant.Id, email, memberKey, name: null, cancellationToken);
        return await ConvertSignUpAsync(db, tenant, friend, referralCode ?? AttributionCookie.Read(_http.HttpContext?.Request), cancellationToken);
    }

    /// <summary>Upserts the member's contact by member key, then e-mail, and saves.</summary>
    /// <exception cref="ArgumentException">The e-mail is not an address.</exception>
    internal async Task<Contact> UpsertMemberAsync(ReferralsDbContext db, Guid tenantId, string email, Guid? memberKey, string? name,
        CancellationToken cancellationToken)
    {
        if (EmailNormalizer.Normalize(email) is null)
        {
            throw new ArgumentException($"'{email}' is not an e-mail address.", nameof(email));
        }

        var (first, last) = SplitName(name);
        var contact = await _contacts.UpsertAsync(db, tenantId, new CustomerInfo
        {
            ExternalSystem = ContactExternalId.UmbracoMember,
            ExternalId = memberKey?.ToString("D"),
            Email = email,
            FirstName = first,
            LastName = last,
        }, ContactKind.Client, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return contact;
    }

    /// <summary>Converts the sign-up referral of <paramref name="friend"/>, if one matches. Saves.</summary>
    internal async Task<ConversionResult> ConvertSignUpAsync(ReferralsDbContext db, Tenant tenant, Contact friend, string? code, CancellationToken cancellationToken)
    {
        var orderId = SignUpOrderPrefix + friend.Id.ToString("N");
        var earlier = await db.Referrals.FirstOrDefaultAsync(r => r.TenantId == tenant.Id && r.ConvertingOrderId == orderId, cancellationToken);
        if (earlier is not null)
        {
            return new ConversionResult(ConversionStatus.AlreadyRecorded, earlier.Id);
        }

        var now = _clock.GetUtcNow();
        var invited = await db.Referrals
            .Where(r => r.TenantId == tenant.Id && r.FriendNormalizedEmail == friend.NormalizedEmail && r.AdvocateContactId != friend.Id
                && (r.State == ReferralState.Invited || r.State == ReferralState.Visited))
            .OrderBy(r => r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var referral = invited;
        if (referral is null && await AdvocateCodes.FindAsync(db, tenant.Id, code, cancellationToken) is { } found && found.AdvocateContactId != friend.Id)
        {
            var advocate = await db.Contacts.FirstAsync(c => c.Id == found.AdvocateContactId, cancellationToken);
            if (advocate.NormalizedEmail == friend.NormalizedEmail)
            {
                return new ConversionResult(ConversionStatus.Rejected, null);
            }

            var chain = await ChainPositions.ForAdvocateAsync(db, tenant.Id, advocate.Id, cancellationToken);
            referral = new Referral(tenant.Id, advocate.Id, ReferralSource.Link, chain, tenant.Settings.Currency, now)
            {
                ReferralCodeId = found.Id,
                FriendEmail = friend.Email,
                FriendNormalizedEmail = friend.NormalizedEmail,
            };
            db.Referrals.Add(referral);
        }

        if (referral is null)
        {
            return new ConversionResult(ConversionStatus.NotReferred, null);
        }

        referral.FriendContactId = friend.Id;
        referral.Convert(orderId, Money.Zero(tenant.Settings.Currency), SignUpRule, flagged: false, flagReasons: null, now);
        await db.SaveChangesAsync(cancellationToken);
        LogSignUp(_logger, referral.Id);
        return new ConversionResult(ConversionStatus.Converted, referral.Id);
    }

    private static (string? First, string? Last) SplitName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, null);
        }

        var parts = name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (parts[0], parts.Length > 1 ? parts[1] : null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} reported by the site: {Status}, referral {ReferralId}")]
    private static partial void LogConversion(ILogger logger, string orderId, OrderStatus status, Guid? referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-up converted referral {ReferralId}")]
    private static partial void LogSignUp(ILogger logger, Guid referralId);
}
