namespace Referrals.Core.Asks;

/// <summary>
/// The default English templates (Liquid) for thanking advocates: the handwritten thank-you card a new referral
/// creates, and the e-mails an advocate gets when their friend becomes a customer and when their reward is issued.
/// Every default passes <see cref="WordingCheck"/> under <see cref="WordingScope.PhrasingOnly"/> with no findings.
/// </summary>
/// <remarks>
/// Variables used: the card uses <c>first_name</c> and <c>business_name</c> (the link is printed beside it as a QR
/// code); the friend-converted e-mail adds <c>referral_link</c> and <c>unsubscribe_link</c>; the reward e-mail adds
/// <c>reward</c>. An empty <c>first_name</c> is handled.
/// </remarks>
public static class EnglishThanksTemplates
{
    /// <summary>The suggested handwritten message of a thank-you card, for the advocate whose referral just came in.</summary>
    public const string ThankYouCard = """
        Dear{% if first_name != blank %} {{ first_name }}{% else %} friend{% endif %},
        thank you so much for recommending {{ business_name }} to someone you care about. A personal introduction is the kindest compliment a business can get, and it means a great deal to every one of us.
        We will look after your friend as well as we look after you.
        With warm thanks,
        """;

    /// <summary>Subject of the e-mail an advocate gets when their friend becomes a customer.</summary>
    public const string FriendConvertedSubject =
        "{% if first_name != blank %}{{ first_name }}, your{% else %}Your{% endif %} friend just joined {{ business_name }}";

    /// <summary>HTML body of the e-mail an advocate gets when their friend becomes a customer.</summary>
    public const string FriendConvertedHtml = """
        <p>Hi{% if first_name != blank %} {{ first_name }}{% endif %},</p>
        <p>Good news: the friend you introduced to {{ business_name }} has just placed their first order. Thank you for thinking of us - introductions like yours are how we grow.</p>
        <p>Your reward is on its way once the order's return window has passed. We will let you know when it is ready.</p>
        <p>Your personal link keeps working for anyone else you would like to introduce: <a href="{{ referral_link }}">{{ referral_link }}</a></p>
        <p>With thanks,<br>The team at {{ business_name }}</p>
        <p style="font-size:12px;color:#666666"><a href="{{ unsubscribe_link }}">Unsubscribe</a> from these e-mails.</p>
        """;

    /// <summary>Text body of the e-mail an advocate gets when their friend becomes a customer.</summary>
    public const string FriendConvertedText = """
        Hi{% if first_name != blank %} {{ first_name }}{% endif %},

        Good news: the friend you introduced to {{ business_name }} has just placed their first order. Thank you for thinking of us - introductions like yours are how we grow.

        Your reward is on its way once the order's return window has passed. We will let you know when it is ready.

        Your personal link keeps working for anyone else you would like to introduce: {{ referral_link }}

        With thanks,
        The team at {{ business_name }}

        Unsubscribe: {{ unsubscribe_link }}
        """;

    /// <summary>Subject of the e-mail an advocate gets when their reward is issued.</summary>
    public const string RewardIssuedSubject =
        "{% if first_name != blank %}{{ first_name }}, your{% else %}Your{% endif %} reward from {{ business_name }} is ready";

    /// <summary>HTML body of the e-mail an advocate gets when their reward is issued.</summary>
    public const string RewardIssuedHtml = """
        <p>Hi{% if first_name != blank %} {{ first_name }}{% endif %},</p>
        <p>Thank you again for introducing a friend to {{ business_name }}. Your reward, {{ reward }}, has been issued to you.</p>
        <p>With thanks,<br>The team at {{ business_name }}</p>
        <p style="font-size:12px;color:#666666"><a href="{{ unsubscribe_link }}">Unsubscribe</a> from these e-mails.</p>
        """;

    /// <summary>Text body of the e-mail an advocate gets when their reward is issued.</summary>
    public const string RewardIssuedText = """
        Hi{% if first_name != blank %} {{ first_name }}{% endif %},

        Thank you again for introducing a friend to {{ business_name }}. Your reward, {{ reward }}, has been issued to you.

        With thanks,
        The team at {{ business_name }}

        Unsubscribe: {{ unsubscribe_link }}
        """;
}
