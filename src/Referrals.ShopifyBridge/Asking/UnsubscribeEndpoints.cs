using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.ShopifyBridge.Asking;

/// <summary>
/// <c>/unsubscribe/{token}</c>, the link in every ask e-mail and its <c>List-Unsubscribe</c> header
/// (<see cref="Core.Email.UnsubscribeLinks"/>). GET shows a confirmation button, so a mail scanner fetching the link
/// unsubscribes nobody; POST turns the contact's marketing consent off at once. The POST is also RFC 8058's one-click
/// unsubscribe: mail clients send <c>List-Unsubscribe=One-Click</c> with no cookies and no other state, and the token
/// in the path is all it needs. Unsubscribing twice is harmless. 400 for a token that does not verify.
/// </summary>
internal static class UnsubscribeEndpoints
{
    public static IResult Show(string token, HttpContext context, LinkSigningKey key)
    {
        if (!key.CreateUnsubscribeLinks().TryVerify(token, out _))
        {
            return Refused().ToResult(context, StatusCodes.Status400BadRequest);
        }

        return AskingPage.Titled("Unsubscribe")
            .Paragraph("Stop receiving e-mails from our referral program? You can still shop with us as before.")
            .ConfirmButton("Unsubscribe", "List-Unsubscribe", "One-Click")
            .ToResult(context);
    }

    public static async Task<IResult> UnsubscribeAsync(string token, HttpContext context, ReferralsDbContext db, LinkSigningKey key, TimeProvider clock,
        ILogger<LinkSigningKey> logger, CancellationToken cancellationToken)
    {
        if (!key.CreateUnsubscribeLinks().TryVerify(token, out var verified) || verified is null)
        {
            return Refused().ToResult(context, StatusCodes.Status400BadRequest);
        }

        var contact = await db.Contacts.FindAsync([verified.ContactId], cancellationToken);
        if (contact is not null && contact.TenantId == verified.TenantId && contact.MarketingConsent)
        {
            contact.MarketingConsent = false;
            contact.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Contact {ContactId} unsubscribed through their link", contact.Id);
        }

        // The same page whether the contact was subscribed, already unsubscribed, or has since been erased.
        return AskingPage.Titled("You're unsubscribed")
            .Paragraph("You won't receive any more e-mails from our referral program.")
            .ToResult(context);
    }

    private static AskingPage Refused() =>
        AskingPage.Titled("This link doesn't work")
            .Paragraph("The unsubscribe link is incomplete or was changed. Open it straight from the e-mail, or reply to the e-mail and we'll unsubscribe you by hand.");
}
