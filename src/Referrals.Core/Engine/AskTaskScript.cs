namespace Referrals.Core.Engine;

/// <summary>The suggested words of an ask carried out by a person (a call, letter or meeting), in the order of the 4-step ask.</summary>
internal static class AskTaskScript
{
    public static string For(string? firstName, string businessName, string friendOffer, string idealReferral, Uri? link)
    {
        var name = string.IsNullOrWhiteSpace(firstName) ? "the customer" : firstName.Trim();
        var share = link is null ? "" : $"\n   Their personal link: {link.AbsoluteUri}";
        return $"""
            First ask {name} how likely they are to recommend {businessName} (0-10). If the answer is 9 or 10:
            1. Tell them how much their business means to you.
            2. Ask: "Who do you know who could use what we do?"
            3. Describe who you do your best work for: {idealReferral}.
            4. Offer their friend {friendOffer}, with no obligation.{share}
            If the answer is 6 or lower, do not ask; listen, and put right what went wrong.
            """;
    }
}
