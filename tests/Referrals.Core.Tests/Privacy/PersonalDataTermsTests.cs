using System.Text;
using Referrals.Core.Privacy;

namespace Referrals.Core.Tests.Privacy;

public sealed class PersonalDataTermsTests
{
    [Test]
    public void FoundIn_MatchesIgnoringCase()
    {
        var terms = PersonalDataTerms.From(["Zelda.Quist@Example.com"]);

        Assert.That(terms.FoundIn("error: <ZELDA.QUIST@EXAMPLE.COM> rejected"), Is.True);
        Assert.That(terms.FoundIn("someone.else@example.com"), Is.False);
    }

    [Test]
    public void FoundIn_MatchesTheJsonEscapedForm_InUtf8Bodies()
    {
        var terms = PersonalDataTerms.From(["zelda+shop@example.com", "Nørregade 7"]);

        Assert.That(terms.FoundIn(Encoding.UTF8.GetBytes("""{"email":"zelda\u002Bshop@example.com"}""")), Is.True);
        Assert.That(terms.FoundIn(Encoding.UTF8.GetBytes("""{"address1":"N\u00f8rregade 7"}""")), Is.True);
        Assert.That(terms.FoundIn(Encoding.UTF8.GetBytes("""{"address1":"Nørregade 7"}""")), Is.True);
    }

    [Test]
    public void From_SkipsNullBlankAndShortValues_SoTheyMatchNothing()
    {
        var terms = PersonalDataTerms.From([null, " ", "Bo", "abc"]);

        Assert.That(terms.IsEmpty, Is.True);
        Assert.That(terms.FoundIn("Bo abc"), Is.False);
        Assert.That(terms.FoundIn(ReadOnlySpan<byte>.Empty), Is.False);
    }

    [Test]
    public void Terms_AreLowerCaseAndDistinct()
    {
        var terms = PersonalDataTerms.From(["Anna@Example.com", "anna@example.com"]);

        Assert.That(terms.Terms, Is.EqualTo(new[] { "anna@example.com" }));
    }
}
