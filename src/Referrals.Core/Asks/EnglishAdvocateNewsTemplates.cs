namespace Referrals.Core.Asks;

/// <summary>
/// The English defaults of the advocate news (see <see cref="AskTrigger.AdvocateNews"/>): a regular note to advocates
/// and referral partners with what their referrals achieved, who the business is looking for and their link. News, not a question: nothing in it asks
/// for a yes or no.
/// </summary>
public static class EnglishAdvocateNewsTemplates
{
    /// <summary>Subject of the advocate news (text).</summary>
    public const string AdvocateNewsSubject =
        "{% if first_name != blank %}{{ first_name }}, your{% else %}Your{% endif %} news from {{ business_name }}";

    /// <summary>HTML body of the advocate news; must use <c>referral_link</c> and <c>unsubscribe_link</c>.</summary>
    public const string AdvocateNewsHtml = """
        <p>Hi{% if first_name != blank %} {{ first_name }}{% endif %},</p>
        <p>Thank you for sending people our way. Here is your regular update from {{ business_name }}.</p>
        <p>{{ referral_summary }}</p>
        <p>Right now we do our best work for {{ ideal_referral }}. If someone like that comes to mind, your personal link is the easiest way to introduce them: <a href="{{ referral_link }}">{{ referral_link }}</a></p>
        <p>With thanks,<br>The team at {{ business_name }}</p>
        <p style="font-size:12px;color:#666666">You get this update because you refer people to us. <a href="{{ unsubscribe_link }}">Unsubscribe</a> from these e-mails.</p>
        """;

    /// <summary>Text body of the advocate news; must use <c>referral_link</c> and <c>unsubscribe_link</c>.</summary>
    public const string AdvocateNewsText = """
        Hi{% if first_name != blank %} {{ first_name }}{% endif %},

        Thank you for sending people our way. Here is your regular update from {{ business_name }}.

        {{ referral_summary }}

        Right now we do our best work for {{ ideal_referral }}. If someone like that comes to mind, your personal link is the easiest way to introduce them: {{ referral_link }}

        With thanks,
        The team at {{ business_name }}

        You get this update because you refer people to us. Unsubscribe: {{ unsubscribe_link }}
        """;
}
