namespace Referrals.Core.Asks;

/// <summary>
/// The default English ask templates (Liquid). The referral ask follows the 4-step script — value them, invite them
/// with an open question, paint the ideal referral, give the friend a risk-free offer — and every default passes
/// <see cref="WordingCheck"/> with no findings (a test holds them to it).
/// </summary>
/// <remarks>
/// Variables used: the satisfaction e-mail uses <c>first_name</c>, <c>business_name</c>, <c>rating_links</c> and
/// <c>unsubscribe_link</c>; the referral ask adds <c>referral_link</c>, <c>qr_code_url</c>, <c>friend_offer</c> and
/// <c>ideal_referral</c> (or, when the ask is about an ideal-client profile, <c>ideal_client</c>); the thank-you uses <c>first_name</c>, <c>business_name</c> and <c>unsubscribe_link</c>; the
/// service-recovery task uses <c>first_name</c> and <c>business_name</c>. An empty <c>first_name</c> is handled.
/// </remarks>
public static class EnglishAskTemplates
{
    /// <summary>Subject of the satisfaction question e-mail.</summary>
    public const string SatisfactionSubject =
        "{% if first_name != blank %}{{ first_name }}, how{% else %}How{% endif %} did we do?";

    /// <summary>HTML body of the satisfaction question e-mail: eleven one-click scores, 0 to 10.</summary>
    public const string SatisfactionHtml = """
        <p>Hi{% if first_name != blank %} {{ first_name }}{% endif %},</p>
        <p>How likely are you to recommend {{ business_name }} to a friend or colleague? One click is all it takes.</p>
        <table role="presentation" cellspacing="0" cellpadding="0" border="0"><tr>
        {% for link in rating_links %}<td style="padding:2px"><a href="{{ link }}" style="display:inline-block;min-width:28px;padding:8px 4px;border:1px solid #888888;border-radius:4px;text-align:center;text-decoration:none;color:#222222">{{ forloop.index0 }}</a></td>{% endfor %}
        </tr></table>
        <p style="font-size:12px;color:#666666">0 = not at all likely, 10 = extremely likely</p>
        <p>Your answer goes straight to our team and helps us get better.</p>
        <p>The team at {{ business_name }}</p>
        <p style="font-size:12px;color:#666666"><a href="{{ unsubscribe_link }}">Unsubscribe</a> from these e-mails.</p>
        """;

    /// <summary>Text body of the satisfaction question e-mail.</summary>
    public const string SatisfactionText = """
        Hi{% if first_name != blank %} {{ first_name }}{% endif %},

        How likely are you to recommend {{ business_name }} to a friend or colleague? Click a number from 0 (not at all likely) to 10 (extremely likely):

        {% for link in rating_links %}{{ forloop.index0 }}: {{ link }}
        {% endfor %}
        Your answer goes straight to our team and helps us get better.

        The team at {{ business_name }}

        Unsubscribe: {{ unsubscribe_link }}
        """;

    /// <summary>Subject of the referral ask a promoter gets.</summary>
    public const string ReferralAskSubject =
        "Thank you for the kind words{% if first_name != blank %}, {{ first_name }}{% endif %}";

    /// <summary>HTML body of the referral ask, in the four steps of the script.</summary>
    public const string ReferralAskHtml = """
        <p>Hi{% if first_name != blank %} {{ first_name }}{% endif %},</p>
        <p>Thank you for your kind rating. It means a lot to all of us at {{ business_name }}, and customers like you are the reason we love what we do.</p>
        <p>Most of our new customers come to us through a personal introduction, so here is a small question: <strong>who do you know who could use what we do?</strong></p>
        {% if ideal_client %}<p>Who do you know who {{ ideal_client.situation }}? We do our best work for {{ ideal_client.who }}. {{ ideal_client.benefit }} Picture one person like that - they are exactly who we would love to meet.</p>{% else %}<p>We do our best work for {{ ideal_referral }}. Picture one person like that - they are exactly who we would love to meet.</p>{% endif %}
        <p>Introduce them with your personal link, and they get {{ friend_offer }}, with no obligation to buy anything:</p>
        <p><a href="{{ referral_link }}">{{ referral_link }}</a></p>
        <p>Seeing them in person? Let them scan this code:<br><img src="{{ qr_code_url }}" alt="QR code for your personal link" width="160" height="160"></p>
        <p>Thank you for thinking of us,<br>The team at {{ business_name }}</p>
        <p style="font-size:12px;color:#666666"><a href="{{ unsubscribe_link }}">Unsubscribe</a> from these e-mails.</p>
        """;

    /// <summary>Text body of the referral ask, in the four steps of the script.</summary>
    public const string ReferralAskText = """
        Hi{% if first_name != blank %} {{ first_name }}{% endif %},

        Thank you for your kind rating. It means a lot to all of us at {{ business_name }}, and customers like you are the reason we love what we do.

        Most of our new customers come to us through a personal introduction, so here is a small question: who do you know who could use what we do?

        {% if ideal_client %}Who do you know who {{ ideal_client.situation }}? We do our best work for {{ ideal_client.who }}. {{ ideal_client.benefit }} Picture one person like that - they are exactly who we would love to meet.{% else %}We do our best work for {{ ideal_referral }}. Picture one person like that - they are exactly who we would love to meet.{% endif %}

        Introduce them with your personal link, and they get {{ friend_offer }}, with no obligation to buy anything:

        {{ referral_link }}

        Thank you for thinking of us,
        The team at {{ business_name }}

        Unsubscribe: {{ unsubscribe_link }}
        """;

    /// <summary>Subject of the thank-you a passive gets.</summary>
    public const string ThankYouSubject = "Thank you for your answer{% if first_name != blank %}, {{ first_name }}{% endif %}";

    /// <summary>HTML body of the thank-you a passive gets: thanks, and an open door for feedback; no referral ask.</summary>
    public const string ThankYouHtml = """
        <p>Hi{% if first_name != blank %} {{ first_name }}{% endif %},</p>
        <p>Thank you for taking a moment to rate {{ business_name }}. We read every answer.</p>
        <p>If there is one thing we could do better next time, simply reply to this e-mail - we would love to hear it.</p>
        <p>The team at {{ business_name }}</p>
        <p style="font-size:12px;color:#666666"><a href="{{ unsubscribe_link }}">Unsubscribe</a> from these e-mails.</p>
        """;

    /// <summary>Text body of the thank-you a passive gets.</summary>
    public const string ThankYouText = """
        Hi{% if first_name != blank %} {{ first_name }}{% endif %},

        Thank you for taking a moment to rate {{ business_name }}. We read every answer.

        If there is one thing we could do better next time, simply reply to this e-mail - we would love to hear it.

        The team at {{ business_name }}

        Unsubscribe: {{ unsubscribe_link }}
        """;

    /// <summary>The service-recovery task a detractor's answer creates, for a person at the business to act on.</summary>
    public const string ServiceRecoveryTask = """
        {% if first_name != blank %}{{ first_name }}{% else %}A customer{% endif %} gave {{ business_name }} a low rating. Please get in touch personally, by phone if you can, within one working day:
        1. Thank them for saying so - most unhappy customers never do.
        2. Ask what went wrong, and listen without arguing.
        3. Put it right, or say what you will do and by when.
        4. Follow up once it is fixed.
        Do not ask for a referral now. Once the problem is solved, the program can ask again.
        """;
}
