using System.Text.RegularExpressions;

namespace Referrals.Core.Asks;

/// <summary>
/// The English (<c>en</c>) wording rules. Matching is case-insensitive on <see cref="WordingText"/> (markup removed,
/// curly apostrophes straightened) and tolerates any run of white space between words. The cues are listed in
/// <see cref="WordingCheck"/>'s documentation; keep the two in step.
/// </summary>
internal static partial class EnglishWordingRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // A vague "anyone": the word a reader can answer "no" to.
    private const string Anyone =
        @"(?:any(?:one|body)|some(?:one|body)|any\s+(?:friends?|family|colleagues?|people|neighbou?rs?|one\s+else|businesses|clients?|contacts?))";

    private const string SentenceStart = @"(?<=^|[.!?…:;]\s*|\n\s*)";

    public static WordingRuleSet Rules { get; } = new(
        "en",
        [DoYouKnowAnyone(), IfYouKnowAnyone(), AnyoneWhoMight(), ThinkOfAnyone(), KnowAnyoneQuestion(), AnyoneComeToMindQuestion(), IsThereAnyone(), HaveAnyFriends(), DoesAnyoneComeToMind()],
        phrase => $"\"{phrase}\" is a closed question: it invites a quick \"no\", and the reader stops thinking. An open question makes them picture a person.",
        "Who do you know who…?",
        [
            new ScriptStep(
                WordingRule.MissingAppreciation,
                [Appreciation()],
                [],
                SatisfiedByClosedQuestion: false,
                "Step 1 of the ask is missing: tell them they are valued before you ask for anything (thank them, say you appreciate them).",
                "Thank you for choosing us - it means a lot to the whole team."),
            new ScriptStep(
                WordingRule.MissingInvitation,
                [OpenWhoQuestion(), Invitation()],
                [],
                SatisfiedByClosedQuestion: true,
                "Step 2 of the ask is missing: invite them to refer, with an open question or a clear invitation to introduce someone.",
                "Who do you know who could use what we do?"),
            new ScriptStep(
                WordingRule.MissingIdealReferral,
                [PeopleWho(), WhoIsInASituation(), LikeYou(), IdealFit()],
                [AskTemplateVariableNames.IdealReferral],
                SatisfiedByClosedQuestion: false,
                "Step 3 of the ask is missing: paint a picture of the ideal referral, so a face comes to mind (who they are, what situation they are in).",
                "We do our best work for {{ ideal_referral }} - people just like you.",
                [AskTemplateVariableNames.IdealClient, AskTemplateVariableNames.IdealClients]),
            new ScriptStep(
                WordingRule.MissingRiskFreeOffer,
                [RiskFreeOffer()],
                [AskTemplateVariableNames.FriendOffer],
                SatisfiedByClosedQuestion: false,
                "Step 4 of the ask is missing: give the friend a risk-free, no-obligation reason to try you, so introducing them costs nobody anything.",
                "Your friend gets {{ friend_offer }}, with no obligation."),
        ]);

    // "Do you know anyone", "Would you know anybody", "Do you happen to know someone", "Don't you know of any friends".
    [GeneratedRegex($@"\b(?:(?:do|did|would|could|might|may|don't|wouldn't)\s+you|you\s+(?:wouldn't|don't)\s+happen\s+to)\s+(?:(?:happen|chance)\s+to\s+)?know\s+(?:of\s+)?{Anyone}\b", Options)]
    private static partial Regex DoYouKnowAnyone();

    // "If you know anyone", "If you happen to know of someone".
    [GeneratedRegex($@"\bif\s+you\s+(?:(?:happen|chance)\s+to\s+)?know\s+(?:of\s+)?{Anyone}\b", Options)]
    private static partial Regex IfYouKnowAnyone();

    // "anyone who might", "anybody else that could".
    [GeneratedRegex(@"\bany(?:one|body)\s+(?:else\s+)?(?:who|that)\s+(?:might|may|could|would)\b", Options)]
    private static partial Regex AnyoneWhoMight();

    // "Can you think of anyone", "If you can think of anybody".
    [GeneratedRegex(@"\b(?:(?:can|could)\s+you|if\s+you\s+can)\s+think\s+of\s+any(?:one|body)\b", Options)]
    private static partial Regex ThinkOfAnyone();

    // "Know anyone who needs a plumber?" at the start of a sentence.
    [GeneratedRegex($@"{SentenceStart}know\s+(?:of\s+)?(?:any(?:one|body)|some(?:one|body))\b[^.!?\n]*\?", Options)]
    private static partial Regex KnowAnyoneQuestion();

    // "Anyone you know who…?", "Anybody come to mind?" at the start of a sentence.
    [GeneratedRegex($@"{SentenceStart}any(?:one|body)\s+(?:else\s+)?(?:you\s+know|come\s+to\s+mind|in\s+mind)\b[^.!?\n]*\?", Options)]
    private static partial Regex AnyoneComeToMindQuestion();

    // "Is there anyone", "Are there any friends".
    [GeneratedRegex(@"\b(?:is|are)\s+there\s+any(?:one|body|\s+(?:friends?|family|colleagues?|people))\b", Options)]
    private static partial Regex IsThereAnyone();

    // "Do you have any friends who".
    [GeneratedRegex(@"\b(?:do|would|might)\s+you\s+have\s+any\s+(?:friends?|family|colleagues?|neighbou?rs?|contacts?|people|one)\b", Options)]
    private static partial Regex HaveAnyFriends();

    // "Does anyone come to mind".
    [GeneratedRegex(@"\b(?:does|would)\s+any(?:one|body)\s+(?:come|spring)\s+to\s+mind\b", Options)]
    private static partial Regex DoesAnyoneComeToMind();

    // Step 1: thanks, appreciation, gratitude, being valued.
    [GeneratedRegex(@"\b(?:thank(?:s|\s+you|ful)?|appreciat(?:e|ed|es|ing|ion)|grateful|gratitude|valued|value\s+(?:you|having\s+you|your\s+(?:business|custom|support|trust|loyalty))|means\s+(?:a\s+lot|so\s+much|the\s+world)|(?:glad|lucky|proud)\s+to\s+have\s+you)\b", Options)]
    private static partial Regex Appreciation();

    // Step 2: "Who do you know", "Who comes to mind", "Who could use…".
    [GeneratedRegex(@"\bwho\s+(?:else\s+)?(?:do\s+you\s+know|(?:comes|springs)\s+to\s+mind|(?:could|would|might)\s+(?:use|benefit|enjoy|love|like|need)|is\s+the\s+first\s+person)\b", Options)]
    private static partial Regex OpenWhoQuestion();

    // Step 2: an explicit invitation to introduce, refer, share or pass on.
    [GeneratedRegex(@"\b(?:refer|referring|introduce|introducing|recommend|recommending|forward\s+(?:this|it)|(?:pass|send)\s+(?:this|it|us|the\s+offer|(?:your|this|the)\s+(?:personal\s+)?(?:link|code))\s+(?:on|along|to)|share\s+(?:this|it|us|(?:your|this|the)\s+(?:personal\s+)?(?:link|code|offer))|(?:tell|invite)\s+(?:a\s+friend|friends|your\s+friends|them|someone|a\s+colleague|people)|put\s+(?:us|them)\s+in\s+touch|connect\s+us)\b", Options)]
    private static partial Regex Invitation();

    // Step 3: "someone who…", "friends who…", "people who are…", "families that…".
    [GeneratedRegex(@"\b(?:some(?:one|body)|any(?:one|body)|friends?|people|neighbou?rs?|colleagues?|family|families|parents|couples?|businesses|companies|owners|homeowners|clients?|customers?)\s+(?:who|that|whose)\b", Options)]
    private static partial Regex PeopleWho();

    // Step 3: "who is planning…", "who has just moved…".
    [GeneratedRegex(@"\bwho\s+(?:is|are|has|have|'s|'re)\s+(?:just\s+|recently\s+)?(?:planning|moving|moved|looking|starting|started|thinking|about\s+to|new\s+to|getting|expecting|renovating|buying|bought|selling|opening|struggling|trying)\b", Options)]
    private static partial Regex WhoIsInASituation();

    // Step 3: "customers like you", but not "we would like you to".
    [GeneratedRegex(@"(?<!\b(?:would|'d|we|i|they|do|did)\s+)\blike\s+you(?:rself)?\b(?!\s+to\b)", Options)]
    private static partial Regex LikeYou();

    // Step 3: "the ideal client", "a perfect fit", "in the same situation".
    [GeneratedRegex(@"\b(?:(?:ideal|perfect|best|right)\s+(?:fit|referral|client|customer|match|person)|in\s+the\s+same\s+(?:situation|boat|position))\b", Options)]
    private static partial Regex IdealFit();

    // Step 4: free (not "feel free"), no obligation, risk-free, on us, off their first, trial, consultation, money back.
    [GeneratedRegex(@"(?<!\bfeel\s+)\bfree\b|\bno[\s-]+obligation\b|\bobligation[\s-]+free\b|\bwithout\s+(?:any\s+)?obligation\b|\brisk[\s-]*free\b|\bno[\s-]+risk\b|\b(?:is|are|'s)\s+on\s+(?:us|the\s+house)\b|\boff\s+(?:their|your|the|his|her)\s+first\b|\d+\s*%\s*off\b|\btrial\b|\bconsultation\b|\bmoney[\s-]+back\b|\bcomplimentary\b|\bno\s+strings\s+attached\b", Options)]
    private static partial Regex RiskFreeOffer();
}
