using Referrals.Core.Codes;

namespace Referrals.Core.Tests.Codes;

public sealed class NamePrefixTests
{
    [TestCase("Anna", "ANNA")]
    [TestCase("  anna  ", "ANNA")]
    [TestCase("Søren", "SOREN")]
    [TestCase("Zoë", "ZOE")]
    [TestCase("Ærø", "AERO")]
    [TestCase("Åse", "ASE")]
    [TestCase("José", "JOSE")]
    [TestCase("Jürgen", "JURGEN")]
    [TestCase("Gauß", "GAUSS")]
    [TestCase("Þóra", "THORA")]
    [TestCase("Guðrún", "GUDRUN")]
    [TestCase("Łukasz", "LUKASZ")]
    [TestCase("Chloé", "CHLOE")]
    [TestCase("Œdipe", "OEDIPE")]
    [TestCase("Mary-Jane", "MARYJANE")]
    [TestCase("O'Brien", "OBRIEN")]
    [TestCase("Anna2", "ANNA")]
    [TestCase("Ｊｏｈｎ", "JOHN")]
    public void Fold_ReturnsUpperCaseAsciiLetters_WhenNameIsLatin(string name, string expected) =>
        Assert.That(NamePrefix.Fold(name), Is.EqualTo(expected));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("李")]
    [TestCase("Влад")]
    [TestCase("123")]
    public void Fold_ReturnsEmpty_WhenNothingUsableIsLeft(string? name) =>
        Assert.That(NamePrefix.Fold(name), Is.Empty);

    [Test]
    public void Fold_KeepsTheLatinLetters_WhenNameMixesScripts() =>
        Assert.That(NamePrefix.Fold("李 Li"), Is.EqualTo("LI"));

    [Test]
    public void Fold_SkipsBrokenCharacters_WhenNameHasALoneSurrogate() =>
        Assert.That(NamePrefix.Fold("An\uD83Dna"), Is.EqualTo("ANNA"));

    [Test]
    public void Fold_TruncatesToDefaultMaxLength_WhenNameIsLong() =>
        Assert.That(NamePrefix.Fold("Maximilianus"), Is.EqualTo("MAXIMILI"));

    [Test]
    public void Fold_TruncatesAfterSpellingOut_WhenLetterExpandsAtTheLimit() =>
        Assert.That(NamePrefix.Fold("Æsa", 1), Is.EqualTo("A"));

    [Test]
    public void Fold_ReturnsEmpty_WhenMaxLengthIsZero() =>
        Assert.That(NamePrefix.Fold("Anna", 0), Is.Empty);

    [Test]
    public void Fold_Throws_WhenMaxLengthIsNegative() =>
        Assert.That(() => NamePrefix.Fold("Anna", -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
