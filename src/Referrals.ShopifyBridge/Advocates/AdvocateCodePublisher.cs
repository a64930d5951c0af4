using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Codes;
using Referrals.Core.Contacts;
using Referrals.Core.Engine;
using Referrals.Core.Messaging;
using Referrals.Core.Persistence;
using Referrals.Core.Rewards;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.AdminApi.Operations;
using Referrals.ShopifyBridge.AppProxy;

namespace Referrals.ShopifyBridge.Advocates;

/// <summary>
/// Publishes an advocate's new referral code to their Shopify shop (outbox kind <see cref="Kind"/>, enqueued by
/// <see cref="AdvocateCodes"/> through an <see cref="AdvocateCodeEffect"/>):
/// <list type="number">
/// <item>a discount code with the same code carrying the friend's offer (<see cref="FriendOffer"/>: a fixed amount or a
/// percentage off, or free shipping; once per customer, no overall limit, and only for customers without orders: the
/// code's context is the shop's <see cref="FirstOrderSegment"/>); non-monetary offers get no discount code, the merchant
/// honours them;</item>
/// <item>the tag <see cref="AdvocateTag"/> on the advocate's customer (<c>tagsAdd</c>);</item>
/// <item>the customer metafields <c>referrals.referral_link</c> (type <c>url</c>) and <c>referrals.referral_code</c>
/// (type <c>single_line_text_field</c>), for use in notification templates as
/// <c>{{ customer.metafields.referrals.referral_link }}</c>.</item>
/// </list>
/// </summary>
/// <remarks>
/// At least once and idempotent: tags and metafields are set, not added; a second create of the code meets
/// <c>TAKEN</c>, and the code is then looked up — when its title is ours (<see cref="TitleFor"/>) the earlier attempt made
/// it and the step is done; when it belongs to someone else the message is dead-lettered, because friends would get the
/// other discount. Shopify refuses the code at checkout to a customer who has ordered before (the segment); attribution
/// checks first orders too when the program says so (the engine's <c>FirstOrderOnly</c>). Messages of tenants that are not Shopify shops are done without calls.
/// </remarks>
public sealed class AdvocateCodePublisher : IOutboxHandler
{
    /// <summary>The outbox kind.</summary>
    public const string OutboxKind = "shopify.advocate-code";

    /// <summary>The tag put on advocates' customers.</summary>
    public const string AdvocateTag = "referrals-advocate";

    /// <summary>The metafield namespace.</summary>
    public const string MetafieldNamespace = "referrals";

    /// <summary>The metafield key of the advocate's link (type <c>url</c>).</summary>
    public const string LinkKey = "referral_link";

    /// <summary>The metafield key of the advocate's code (type <c>single_line_text_field</c>).</summary>
    public const string CodeKey = "referral_code";

    /// <summary>The prefix of the titles of the discount codes the bridge creates for advocates.</summary>
    public const string TitlePrefix = "Referral code ";

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private readonly IShopifyAdminClient _shopify;
    private readonly IReferralLinkBase _referralBase;
    private readonly FirstOrderSegment _firstOrders;

    /// <summary>Creates the handler.</summary>
    public AdvocateCodePublisher(IShopifyAdminClient shopify, IReferralLinkBase referralBase, FirstOrderSegment firstOrders)
    {
        _shopify = shopify;
        _referralBase = referralBase;
        _firstOrders = firstOrders;
    }

    /// <inheritdoc />
    public string Kind => OutboxKind;

    /// <summary>The title of the discount code for <paramref name="displayCode"/>: how the bridge recognises its own codes.</summary>
    public static string TitleFor(string displayCode) => TitlePrefix + displayCode;

    /// <inheritdoc />
    /// <returns>The discount node's gid, or <c>no-discount:{offer}</c> when the offer is not a discount, or <c>skipped:not-shopify</c>.</returns>
    /// <exception cref="PermanentMessageException">The code, advocate or tenant is gone or uninstalled, the code is someone else's in Shopify, or Shopify refused a step.</exception>
    public async Task<string?> HandleAsync(OutboxMessage message, ReferralsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(db);
        var codeId = ReadCodeId(message);
        var code = await db.ReferralCodes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == codeId, cancellationToken)
            ?? throw new PermanentMessageException($"The referral code {codeId} does not exist; nothing to publish to Shopify.");
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == code.TenantId, cancellationToken)
            ?? throw new PermanentMessageException($"The tenant {code.TenantId} of referral code {codeId} does not exist.");
        if (tenant.Kind != TenantKind.ShopifyShop)
        {
            return "skipped:not-shopify";
        }

        if (tenant.State != TenantState.Active)
        {
            throw new PermanentMessageException($"The shop {tenant.Key} is {tenant.State}; the code {code.Display} is not published.");
        }

        var shop = tenant.Key;
        var offer = tenant.Settings.FriendOffer ?? new FriendOffer();
        var reference = await CreateDiscountAsync(db, tenant, code.Display, offer, cancellationToken);

        var customerId = await db.ContactExternalIds.AsNoTracking()
            .Where(x => x.TenantId == tenant.Id && x.ContactId == code.AdvocateContactId && x.System == ContactExternalId.Shopify)
            .OrderBy(x => x.Id).Select(x => x.Value).FirstOrDefaultAsync(cancellationToken);
        if (customerId is not null)
        {
            await MarkAdvocateAsync(shop, customerId, code.Display, _referralBase.For(tenant) ?? StorefrontLinks.ProxyBase(shop), cancellationToken);
        }

        return reference;
    }

    private async Task<string> CreateDiscountAsync(ReferralsDbContext db, Tenant tenant, string displayCode, FriendOffer offer, CancellationToken cancellationToken)
    {
        var shop = tenant.Key;
        DiscountValue? value = offer.Type switch
        {
            FriendOfferType.FixedAmount when offer.Value > 0m => new DiscountValue.FixedAmount(offer.Value),
            FriendOfferType.Percentage when offer.Value is > 0m and <= 100m => new DiscountValue.Percentage(offer.Value / 100m),
            _ => null,
        };
        if (value is null && offer.Type != FriendOfferType.FreeShipping)
        {
            return "no-discount:" + offer.Type;
        }

        var title = TitleFor(displayCode);
        var segment = await _firstOrders.GetOrCreateAsync(db, tenant, cancellationToken);
        try
        {
            return value is null
                ? await _shopify.ExecuteAsync(shop, new DiscountCodeFreeShippingCreate(title, displayCode, segment), cancellationToken)
                : (await _shopify.ExecuteAsync(shop, new DiscountCodeBasicCreate(title, displayCode, value, UsageLimit: null, CustomerSegmentId: segment), cancellationToken)).DiscountId;
        }
        catch (ShopifyUserErrorsException e) when (e.HasCode("TAKEN"))
        {
            var existing = await _shopify.ExecuteAsync(shop, new CodeDiscountByCode(displayCode), cancellationToken);
            if (existing is not null && string.Equals(existing.Title, title, StringComparison.Ordinal))
            {
                return existing.DiscountId; // made by an earlier attempt whose answer was lost
            }

            throw new PermanentMessageException(
                $"The code {displayCode} already exists in {shop} as another discount ('{existing?.Title}'), so friends would get that discount instead. " +
                "Rename or delete that discount in Shopify, then retry this message.");
        }
        catch (ShopifyUserErrorsException e)
        {
            throw new PermanentMessageException($"Shopify refused the discount code {displayCode} in {shop}: {e.Message}", e);
        }
    }

    private async Task MarkAdvocateAsync(string shop, string customerId, string displayCode, Uri linkBase, CancellationToken cancellationToken)
    {
        try
        {
            await _shopify.ExecuteAsync(shop, new TagsAdd(customerId, [AdvocateTag]), cancellationToken);
            await _shopify.ExecuteAsync(shop, new MetafieldsSet(
            [
                new MetafieldsSetInput(customerId, MetafieldNamespace, LinkKey, "url", ReferralLink.Create(linkBase, displayCode).AbsoluteUri),
                new MetafieldsSetInput(customerId, MetafieldNamespace, CodeKey, "single_line_text_field", displayCode),
            ]), cancellationToken);
        }
        catch (ShopifyUserErrorsException e)
        {
            throw new PermanentMessageException($"Shopify refused to mark customer {customerId} in {shop} as an advocate: {e.Message}", e);
        }
    }

    private static Guid ReadCodeId(OutboxMessage message)
    {
        AdvocateCodeMessage? payload;
        try
        {
            payload = JsonSerializer.Deserialize<AdvocateCodeMessage>(message.Payload, PayloadJson);
        }
        catch (JsonException ex)
        {
            throw new PermanentMessageException($"The payload of outbox message {message.Id} is not an advocate code message: {ex.Message}", ex);
        }

        return payload is { CodeId: var id } && id != Guid.Empty
            ? id
            : throw new PermanentMessageException($"The payload of outbox message {message.Id} names no referral code.");
    }
}
