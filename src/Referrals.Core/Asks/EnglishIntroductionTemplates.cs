namespace Referrals.Core.Asks;

/// <summary>
/// English defaults of the introduction e-mail: sent by the business to a friend an advocate named, in the advocate's
/// name, with their personal note (escaped in HTML like every value), the friend's risk-free offer, the advocate's
/// link and an opt-out. They use <c>advocate_name</c>, <c>personal_note</c>, <c>business_name</c>,
/// <c>friend_offer</c>, <c>referral_link</c> and <c>unsubscribe_link</c>.
/// </summary>
public static class EnglishIntroductionTemplates
{
    /// <summary>Subject of the introduction e-mail.</summary>
    public const string Subject = "{{ advocate_name }} thought you would want to meet us";

    /// <summary>HTML body of the introduction e-mail.</summary>
    public const string Html = """
        <p>Hello,</p>
        <p>{{ advocate_name }} is a customer of {{ business_name }} and thought you would want to meet us, so they asked us to say hello.</p>
        {% if personal_note != blank %}<blockquote style="border-left:3px solid #cccccc;margin:0;padding-left:12px">{{ personal_note }}<br>- {{ advocate_name }}</blockquote>{% endif %}
        <p>As a friend of {{ advocate_name }} you get {{ friend_offer }}, with no obligation to buy anything:</p>
        <p><a href="{{ referral_link }}">{{ referral_link }}</a></p>
        <p>Questions? Just reply to this e-mail - it reaches our team.</p>
        <p>Best wishes,<br>The team at {{ business_name }}</p>
        <p style="font-size:12px;color:#666666">We wrote once because {{ advocate_name }} introduced you; we keep no mailing list of you. <a href="{{ unsubscribe_link }}">Never contact me again</a>.</p>
        """;

    /// <summary>Text body of the introduction e-mail.</summary>
    public const string Text = """
        Hello,

        {{ advocate_name }} is a customer of {{ business_name }} and thought you would want to meet us, so they asked us to say hello.
        {% if personal_note != blank %}
        "{{ personal_note }}"
        - {{ advocate_name }}
        {% endif %}
        As a friend of {{ advocate_name }} you get {{ friend_offer }}, with no obligation to buy anything:

        {{ referral_link }}

        Questions? Just reply to this e-mail - it reaches our team.

        Best wishes,
        The team at {{ business_name }}

        We wrote once because {{ advocate_name }} introduced you; we keep no mailing list of you. Never contact me again: {{ unsubscribe_link }}
        """;
}
