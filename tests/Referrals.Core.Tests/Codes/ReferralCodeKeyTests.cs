using Referrals.Core.Codes;

namespace Referrals.Core.Tests.Codes;

public sealed class ReferralCodeKeyTests
{
    [TestCase("anna-7kq2m9")]
    [TestCase("ANNA 7KQ2M9")]
    [TestCase("ANNA7KQ2M9")]
    [TestCase("  Anna_7kq2M9 ")]
    [TestCase("AN NA--7KQ 2M9")]
    [TestCase("ANNA\u00A07KQ2M9")]
    [TestCase("ANNA\u20137KQ2M9")]
    public void Create_GivesTheSameKey_WhenOnlyCaseAndSeparatorsDiffer(string typed) =>
        Assert.That(ReferralCodeKey.Create(typed), Is.EqualTo("ANNA7KQ2M9"));

    [Test]
    public void Create_MapsLookAlikes_WhenCodeIsTypedWithOInsteadOf0AndLInsteadOf1()
    {
        var issued = ReferralCodeKey.Create("ANNA-70Q1M9");

        Assert.That(ReferralCodeKey.Create("anna-7oq1m9"), Is.EqualTo(issued));
        Assert.That(ReferralCodeKey.Create("ANNA-7OQlM9"), Is.EqualTo(issued));
        Assert.That(ReferralCodeKey.Create("ANNA-7OQIM9"), Is.EqualTo(issued));
    }

    [Test]
    public void Create_MapsPrefixLettersConsistently_WhenDisplayContainsOIL() =>
        Assert.That(ReferralCodeKey.Create("OLIVIA-7KQ2M9"), Is.EqualTo("011V1A7KQ2M9"));

    [Test]
    public void Create_MapsUToV() =>
        Assert.That(ReferralCodeKey.Create("ulla"), Is.EqualTo("V11A"));

    [Test]
    public void Create_AcceptsShopifyDiscountCode_WhenItIsLettersDigitsAndHyphens() =>
        Assert.That(ReferralCodeKey.Create("FRIEND-7KQ2M9"), Is.EqualTo("FR1END7KQ2M9"));

    [Test]
    public void Create_AcceptsExactlyMaxLength_AndRejectsOneMore()
    {
        Assert.That(ReferralCodeKey.Create(new string('A', 32)), Has.Length.EqualTo(32));
        Assert.That(ReferralCodeKey.Create(new string('A', 16) + "----" + new string('A', 16)), Has.Length.EqualTo(32));
        Assert.That(ReferralCodeKey.TryCreate(new string('A', 33), out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(ReferralCodeKeyError.TooLong));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(" - _ ")]
    public void TryCreate_ReportsEmpty_WhenThereIsNoLetterOrDigit(string? typed)
    {
        Assert.That(ReferralCodeKey.TryCreate(typed, out var key, out var error), Is.False);
        Assert.That(key, Is.Empty);
        Assert.That(error, Is.EqualTo(ReferralCodeKeyError.Empty));
    }

    [TestCase("ANNA-7KQ2M9!")]
    [TestCase("ANNA.7KQ2M9")]
    [TestCase("SØREN-7KQ2M9")]
    [TestCase("CAFÉ10")]
    [TestCase("10%OFF")]
    [TestCase("李-7KQ2M9")]
    public void TryCreate_ReportsInvalidCharacter_WhenCodeHasOtherCharacters(string typed)
    {
        Assert.That(ReferralCodeKey.TryCreate(typed, out var key, out var error), Is.False);
        Assert.That(key, Is.Empty);
        Assert.That(error, Is.EqualTo(ReferralCodeKeyError.InvalidCharacter));
    }

    [Test]
    public void TryCreate_ReportsNone_WhenKeyIsCreated()
    {
        Assert.That(ReferralCodeKey.TryCreate("anna-7kq2m9", out var key, out var error), Is.True);
        Assert.That(key, Is.EqualTo("ANNA7KQ2M9"));
        Assert.That(error, Is.EqualTo(ReferralCodeKeyError.None));
        Assert.That(ReferralCodeKey.TryCreate("anna-7kq2m9", out var sameKey), Is.True);
        Assert.That(sameKey, Is.EqualTo(key));
    }

    [Test]
    public void TryCreate_StopsEarly_WhenInputIsHuge()
    {
        Assert.That(ReferralCodeKey.TryCreate(new string('7', 1_000_000), out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(ReferralCodeKeyError.TooLong));
    }

    [Test]
    public void Create_ThrowsNamingTheProblem_WhenInputIsEmpty() =>
        Assert.That(
            () => ReferralCodeKey.Create(" "),
            Throws.ArgumentException.With.Message.Contains("at least one letter or digit"));

    [Test]
    public void Create_ThrowsNamingTheProblem_WhenInputIsTooLong() =>
        Assert.That(
            () => ReferralCodeKey.Create(new string('A', 40)),
            Throws.ArgumentException.With.Message.Contains("at most 32"));

    [Test]
    public void Create_ThrowsNamingTheCharacterAndPosition_WhenInputHasInvalidCharacter() =>
        Assert.That(
            () => ReferralCodeKey.Create("ANNA!7KQ2M9"),
            Throws.ArgumentException.With.Message.Contains("position 5").And.Message.Contains("U+0021")
                .And.Property(nameof(ArgumentException.ParamName)).EqualTo("input"));

    [Test]
    public void Create_OnlyProducesAlphabetSymbols()
    {
        var key = ReferralCodeKey.Create("abcdefghijklmnopqrstuvwxyz0123456789".Substring(0, 32));

        Assert.That(key.All(c => CrockfordBase32.Alphabet.Contains(c, StringComparison.Ordinal)), Is.True, key);
    }
}
