namespace Referrals.Core.Tests;

public sealed class MoneyTests
{
    [TestCase(1.005, "EUR", 1.01)]
    [TestCase(-1.005, "EUR", -1.01)]
    [TestCase(1.0049, "EUR", 1.00)]
    [TestCase(0.125, "USD", 0.13)]
    [TestCase(2.5, "JPY", 3)]
    [TestCase(-2.5, "JPY", -3)]
    [TestCase(1234.4999, "JPY", 1234)]
    [TestCase(1.0005, "KWD", 1.001)]
    [TestCase(-1.0005, "KWD", -1.001)]
    public void Rounded_RoundsHalfAwayFromZeroToMinorUnits_WhenTheAmountHasMoreDecimals(decimal amount, string currency, decimal expected) =>
        Assert.That(new Money(amount, currency).Rounded(), Is.EqualTo(new Money(expected, currency)));

    [Test]
    public void Rounded_KeepsTheCurrency_WhenRounding() =>
        Assert.That(new Money(3.333m, "DKK").Rounded().Currency, Is.EqualTo("DKK"));

    [TestCase("EUR", 2)]
    [TestCase("USD", 2)]
    [TestCase("DKK", 2)]
    [TestCase("JPY", 0)]
    [TestCase("jpy", 0)]
    [TestCase("KRW", 0)]
    [TestCase("HUF", 0)]
    [TestCase("KWD", 3)]
    [TestCase("BHD", 3)]
    [TestCase("kwd", 3)]
    public void MinorUnits_GivesTheCurrencysDecimalPlaces_ForKnownCodes(string currency, int expected) =>
        Assert.That(Money.MinorUnits(currency), Is.EqualTo(expected));

    [Test]
    public void Zero_IsNothingInTheCurrency() =>
        Assert.That(Money.Zero("SEK"), Is.EqualTo(new Money(0m, "SEK")));

    [Test]
    [SetCulture("da-DK")]
    public void ToString_UsesAPointAndNoGrouping_WhenTheCultureUsesACommaDecimal() =>
        Assert.That(new Money(1234.56m, "EUR").ToString(), Is.EqualTo("1234.56 EUR"));

    [Test]
    [SetCulture("de-DE")]
    public void ToString_WritesTheMinusSign_WhenTheAmountIsNegative() =>
        Assert.That(new Money(-4.25m, "EUR").ToString(), Is.EqualTo("-4.25 EUR"));

    [Test]
    public void ToString_WritesWholeYenWithoutDecimals_WhenTheCurrencyHasNoMinorUnits() =>
        Assert.That(new Money(1500m, "JPY").ToString(), Is.EqualTo("1500 JPY"));

    [Test]
    public void ToString_KeepsAllThreeDecimals_WhenTheCurrencyHasThreeMinorUnits() =>
        Assert.That(new Money(1.234m, "KWD").ToString(), Does.StartWith("1.234 "), "the text must not round a dinar amount to two places");
}
