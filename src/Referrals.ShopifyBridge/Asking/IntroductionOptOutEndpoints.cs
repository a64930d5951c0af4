using Referrals.Core.Engine;
using Referrals.Core.Persistence;

namespace Referrals.ShopifyBridge.Asking;

/// <summary>
/// <c>/introductions/opt-out/{token}</c>, the link in an introduction e-mail a friend received in an advocate's name
/// (<see cref="Introductions.OptOutLink"/>). GET shows a confirmation button, so a mail scanner opts nobody out; POST
/// records the opt-out, after which the friend is never introduced again. Also RFC 8058's one-click POST. Repeats are
/// harmless; 400 for a token that does not verify.
/// </summary>
internal static class IntroductionOptOutEndpoints
{
    public const string Pattern = "/" + Introductions.OptOutPath + "/{token}";

    public static IResult Show(string token, HttpContext context, Introductions introductions)
    {
        if (!introductions.IsOptOutToken(token))
        {
            return Refused().ToResult(context, StatusCodes.Status400BadRequest);
        }

        return AskingPage.Titled("No more introductions")
            .Paragraph("Someone who knows you introduced us by e-mail. Don't want to be introduced to us again? We won't write to you again.")
            .ConfirmButton("Don't contact me again", "List-Unsubscribe", "One-Click")
            .ToResult(context);
    }

    public static async Task<IResult> OptOutAsync(string token, HttpContext context, ReferralsDbContext db, Introductions introductions,
        CancellationToken cancellationToken)
    {
        if (!await introductions.OptOutAsync(db, token, cancellationToken))
        {
            return Refused().ToResult(context, StatusCodes.Status400BadRequest);
        }

        return AskingPage.Titled("Done")
            .Paragraph("We won't contact you again, whoever introduces you. Your address is not kept in readable form.")
            .ToResult(context);
    }

    private static AskingPage Refused() =>
        AskingPage.Titled("This link doesn't work")
            .Paragraph("The link is incomplete or was changed. Open it straight from the e-mail, or reply to the e-mail and we'll take care of it by hand.");
}
