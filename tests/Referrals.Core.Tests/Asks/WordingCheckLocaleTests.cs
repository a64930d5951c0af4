using Referrals.Core.Asks;

namespace Referrals.Core.Tests.Asks;

public sealed class WordingCheckLocaleTests
{
    [Test]
    public void SupportedLanguages_IsEnglishOnly_ForNow() =>
        Assert.That(WordingCheck.SupportedLanguages, Is.EquivalentTo(new[] { "en" }));

    [TestCase("en", true)]
    [TestCase("EN", true)]
    [TestCase("en-GB", true)]
    [TestCase("en_US", true)]
    [TestCase("da", false)]
    [TestCase("da-DK", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void Supports_UsesTheLanguagePartOfTheLocale(string? locale, bool expected) =>
        Assert.That(WordingCheck.Supports(locale), Is.EqualTo(expected));

    [Test]
    public void Check_UsesEnglishRules_ForARegionalEnglishLocale() =>
        Assert.That(
            WordingCheck.Check("Do you know anyone?", WordingScope.PhrasingOnly, "en-GB").Single().Rule,
            Is.EqualTo(WordingRule.ClosedQuestion));

    [Test]
    public void Check_ThrowsNamingTheLocale_WhenItHasNoRules() =>
        Assert.That(
            () => WordingCheck.Check("Hvem kender du?", WordingScope.ReferralAsk, "da"),
            Throws.ArgumentException.With.Message.Contains("'da'").And.Message.Contains("supported: en"));

    [Test]
    public void Check_Throws_WhenTextIsNull() =>
        Assert.That(() => WordingCheck.Check(null!), Throws.ArgumentNullException);
}
