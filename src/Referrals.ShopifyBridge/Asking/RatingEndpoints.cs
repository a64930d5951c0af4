using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Referrals.Core.Asks;
using Referrals.Core.Codes;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Satisfaction;
using Referrals.Core.Tenants;

namespace Referrals.ShopifyBridge.Asking;

/// <summary>
/// <c>/rate/{token}</c>, the target of the one-click score links in ask e-mails (<see cref="RatingLinks"/>).
/// </summary>
/// <remarks>
/// <para>
/// GET only shows the chosen score and a button; the POST that button sends records it. Mail security scanners and
/// link previews fetch every link in a message, and an answer recorded on GET would record the scanner's "click" on
/// the first link (score 0, a detractor) before the person reads the mail, and, since answers are single use, lock
/// the real answer out. One extra tap is the price of answers that are the person's own.
/// </para>
/// <para>
/// Statuses: 400 for an expired, tampered or malformed link (with a message saying which), 404 for a link whose ask
/// no longer exists, 200 otherwise, including a replay, which changes nothing and says the answer was recorded before.
/// </para>
/// </remarks>
internal static class RatingEndpoints
{
    public static async Task<IResult> ShowAsync(string token, HttpContext context, ReferralsDbContext db, LinkSigningKey key, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var verified = key.CreateRatingSigner().Verify(token, clock.GetUtcNow());
        if (!verified.IsValid)
        {
            return Refused(verified.Status).ToResult(context, StatusCodes.Status400BadRequest);
        }

        var rating = verified.Token;
        var ask = await db.Asks.AsNoTracking().FirstOrDefaultAsync(a => a.Id == rating.AskId && a.TenantId == rating.TenantId && a.ContactId == rating.ContactId, cancellationToken);
        var tenant = await db.Tenants.FindAsync([rating.TenantId], cancellationToken);
        if (ask is null || tenant is null)
        {
            return UnknownAsk().ToResult(context, StatusCodes.Status404NotFound);
        }

        return ask.State switch
        {
            AskState.Answered => AlreadyAnswered(tenant).ToResult(context),
            AskState.Sent => AskingPage.Titled($"How did {tenant.DisplayName} do?")
                .Paragraph(string.Create(CultureInfo.InvariantCulture, $"You picked {rating.Score} out of 10."))
                .Paragraph("Tap the button to send your answer. To pick another score, use another link in the e-mail.")
                .ConfirmButton(string.Create(CultureInfo.InvariantCulture, $"Send my answer: {rating.Score}"))
                .ToResult(context),
            _ => NotOpen(tenant).ToResult(context),
        };
    }

    public static async Task<IResult> RecordAsync(string token, HttpContext context, ReferralsDbContext db, LinkSigningKey key, AskAnswers answers,
        AdvocateCodes codes, IReferralLinkBase referralBase, TimeProvider clock, ILogger<AskAnswers> logger, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var verified = key.CreateRatingSigner().Verify(token, now);
        if (!verified.IsValid)
        {
            return Refused(verified.Status).ToResult(context, StatusCodes.Status400BadRequest);
        }

        var rating = verified.Token;
        var result = await answers.RecordAsync(db, rating, now, cancellationToken);
        var tenant = await db.Tenants.FindAsync([rating.TenantId], cancellationToken);
        logger.LogInformation("Rating for ask {AskId}: {Status}", rating.AskId, result.Status);
        if (tenant is null || result.Status == AskAnswerStatus.UnknownAsk)
        {
            return UnknownAsk().ToResult(context, StatusCodes.Status404NotFound);
        }

        switch (result.Status)
        {
            case AskAnswerStatus.AlreadyAnswered:
                return AlreadyAnswered(tenant).ToResult(context);
            case AskAnswerStatus.NotSent:
                return NotOpen(tenant).ToResult(context);
        }

        return result.Decision!.Category switch
        {
            SatisfactionCategory.Promoter => (await PromoterAsync(db, tenant, rating.ContactId, codes, referralBase, cancellationToken)).ToResult(context),
            SatisfactionCategory.Passive => AskingPage.Titled("Thank you!")
                .Paragraph($"Thank you for telling {tenant.DisplayName} how we did. Your answer helps us get better.")
                .ToResult(context),
            _ => AskingPage.Titled("We're sorry")
                .Paragraph($"We're sorry {tenant.DisplayName} let you down. Thank you for telling us.")
                .Paragraph("Someone from our team will get in touch with you to put it right.")
                .ToResult(context),
        };
    }

    // The referral ask itself: valued, invited, the friend's risk-free offer, and the personal link to pass on.
    private static async Task<AskingPage> PromoterAsync(ReferralsDbContext db, Tenant tenant, Guid contactId, AdvocateCodes codes, IReferralLinkBase referralBase,
        CancellationToken cancellationToken)
    {
        var page = AskingPage.Titled("Thank you!")
            .Paragraph($"We're so glad you're happy with {tenant.DisplayName}. Customers like you mean a lot to us.");
        var contact = await db.Contacts.FindAsync([contactId], cancellationToken);
        if (contact is null || contact.RedactedAt is not null || referralBase.For(tenant) is not { } baseUrl)
        {
            return page;
        }

        var code = await codes.GetOrCreateAsync(db, contact, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var offer = FriendOfferPhrase.For(tenant.Settings.FriendOffer ?? new(), tenant.Settings.Currency);
        return page
            .Paragraph($"Who do you know who would enjoy {tenant.DisplayName} too? Share your personal link: a friend who uses it gets {offer}, with no obligation.")
            .Link(ReferralLink.Create(baseUrl, code.Display));
    }

    private static AskingPage Refused(RatingTokenStatus status) => status switch
    {
        RatingTokenStatus.Expired => AskingPage.Titled("This link has expired")
            .Paragraph("Rating links work for a limited time, and this one has run out. Thank you for wanting to answer all the same."),
        _ => AskingPage.Titled("This link doesn't work")
            .Paragraph("The link is incomplete or was changed. Open it straight from the e-mail, or copy the whole address."),
    };

    private static AskingPage UnknownAsk() =>
        AskingPage.Titled("This link doesn't work").Paragraph("We can't find the question this link answers. It may have been withdrawn.");

    private static AskingPage AlreadyAnswered(Tenant tenant) =>
        AskingPage.Titled("Your answer is already recorded")
            .Paragraph($"Thank you, {tenant.DisplayName} already has your answer to this question. Nothing was changed.");

    private static AskingPage NotOpen(Tenant tenant) =>
        AskingPage.Titled("This question is closed").Paragraph($"{tenant.DisplayName} is not collecting answers to this question.");
}
