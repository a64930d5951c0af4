using System.Globalization;
using System.Text;
using Referrals.Core.Engine;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// The HTML fragments the app proxy returns. Shopify renders an <c>application/liquid</c> answer inside the shop's
/// theme, so these are fragments (no <c>&lt;html&gt;</c>), and every dynamic value goes through <see cref="LiquidSafe"/>.
/// </summary>
internal static class AppProxyPages
{
    public const string ContentType = "application/liquid";

    public static string Message(string heading, string text, string? linkHref = null, string? linkText = null)
    {
        var html = new StringBuilder()
            .Append("<section class=\"referrals-page\"><h1>").Append(LiquidSafe.Html(heading)).Append("</h1><p>").Append(LiquidSafe.Html(text)).Append("</p>");
        if (linkHref is not null)
        {
            html.Append("<p><a href=\"").Append(LiquidSafe.Html(linkHref)).Append("\">").Append(LiquidSafe.Html(linkText ?? linkHref)).Append("</a></p>");
        }

        return html.Append("</section>").ToString();
    }

    public static string ConfirmRating(string action, int score) => new StringBuilder()
        .Append("<section class=\"referrals-page\"><h1>Thank you for answering</h1>")
        .Append("<p>You chose <strong>").Append(score.ToString(CultureInfo.InvariantCulture)).Append("</strong> out of 10.</p>")
        .Append("<form method=\"post\" action=\"").Append(LiquidSafe.Html(action)).Append("\">")
        .Append("<button type=\"submit\">Send my answer</button></form></section>")
        .ToString();

    /// <summary>What the advocate typed into the invite form, echoed back when it needs fixing.</summary>
    public sealed record InviteInput(string? FriendName, string? FriendEmail, string? Note);

    public static string InviteForm(string action, string token, string? error, InviteInput? input)
    {
        var html = new StringBuilder().Append("<section class=\"referrals-page\"><h1>Who do you know who would enjoy this too?</h1>")
            .Append("<p>Tell us who, add a personal note, and we send your friend one e-mail in your name with their welcome offer. Nothing more.</p>");
        if (error is not null)
        {
            html.Append("<p class=\"referrals-error\" role=\"alert\">").Append(LiquidSafe.Html(error)).Append("</p>");
        }

        return html
            .Append("<form method=\"post\" action=\"").Append(LiquidSafe.Html(action)).Append("\">")
            .Append("<input type=\"hidden\" name=\"form_token\" value=\"").Append(LiquidSafe.Html(token)).Append("\">")
            .Append("<p><label>Your friend's name <input name=\"friend_name\" maxlength=\"100\" value=\"").Append(LiquidSafe.Html(input?.FriendName)).Append("\"></label></p>")
            .Append("<p><label>Your friend's e-mail <input type=\"email\" name=\"friend_email\" required maxlength=\"254\" value=\"").Append(LiquidSafe.Html(input?.FriendEmail)).Append("\"></label></p>")
            .Append("<p><label>A personal note to your friend <textarea name=\"note\" rows=\"4\" maxlength=\"").Append(Introductions.MaxNoteLength.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append(LiquidSafe.Html(input?.Note)).Append("</textarea></label></p>")
            .Append("<p><label><input type=\"checkbox\" name=\"permission\" value=\"yes\" required> My friend agreed that I share their name and e-mail address with this shop, and to hear from it once.</label></p>")
            .Append("<p><button type=\"submit\">Introduce my friend</button></p></form></section>")
            .ToString();
    }
}
