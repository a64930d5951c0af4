using Referrals.Core.Contacts;

namespace Referrals.Core.Tests.Contacts;

public sealed class PhoneNormalizerTests
{
    [TestCase("+45 12 34 56 78", "+4512345678")]
    [TestCase("+45-12.34.56.78", "+4512345678")]
    [TestCase("0045 12 34 56 78", "+4512345678")]
    [TestCase(" +1 (555) 123-4567 ", "+15551234567")]
    [TestCase("+44 (0)20 7946 0000", "+442079460000")]
    [TestCase("0044 (0) 20 7946 0000", "+442079460000")]
    [TestCase("+45\u00A012\t34 56 78", "+4512345678")]
    public void Normalize_KeepsTheCountryCode_WhenNumberIsInternational(string phone, string expected)
    {
        Assert.That(PhoneNormalizer.Normalize(phone), Is.EqualTo(expected));
        Assert.That(PhoneNormalizer.Normalize(phone, "49"), Is.EqualTo(expected), "a default must not override a written country code");
    }

    [TestCase("020 7946 0000", "44", "+442079460000")]
    [TestCase("(020) 7946-0000", "+44", "+442079460000")]
    [TestCase("030 1234567", "49", "+49301234567")]
    [TestCase("12 34 56 78", "45", "+4512345678")]
    [TestCase("(555) 123-4567", "1", "+15551234567")]
    public void Normalize_AddsDefaultCallingCodeAndDropsTrunkZero_WhenNumberIsNational(string phone, string code, string expected) =>
        Assert.That(PhoneNormalizer.Normalize(phone, code), Is.EqualTo(expected));

    [TestCase("020 7946 0000")]
    [TestCase("12345678")]
    public void Normalize_ReturnsNull_WhenNumberIsNationalAndNoDefaultIsGiven(string phone) =>
        Assert.That(PhoneNormalizer.Normalize(phone), Is.Null);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("+45 123")]
    [TestCase("0045 123")]
    [TestCase("12345")]
    [TestCase("+")]
    [TestCase("0")]
    [TestCase("1-800-FLOWERS")]
    [TestCase("+45 12 34 56 78 ext 9")]
    [TestCase("+45 12/34 56 78")]
    [TestCase("45+12345678")]
    [TestCase("++4512345678")]
    [TestCase("+1234567890123456")]
    [TestCase("+0 12 34 56 78")]
    [TestCase("000 12 34 56 78")]
    [TestCase("+٤٥١٢٣٤٥٦٧٨")]
    public void Normalize_ReturnsNull_WhenNumberIsTooShortTooLongOrHasOtherCharacters(string? phone) =>
        Assert.That(PhoneNormalizer.Normalize(phone, "45"), Is.Null);

    [Test]
    public void Normalize_AcceptsFifteenDigits_AndSixDigits()
    {
        Assert.That(PhoneNormalizer.Normalize("123456", "45"), Is.EqualTo("+45123456"));
        Assert.That(PhoneNormalizer.Normalize("+123456789012345"), Is.EqualTo("+123456789012345"));
        Assert.That(PhoneNormalizer.Normalize("+298 123"), Is.EqualTo("+298123"));
    }

    [TestCase("")]
    [TestCase("0")]
    [TestCase("1234")]
    [TestCase("4a")]
    [TestCase("++45")]
    public void Normalize_Throws_WhenDefaultCallingCodeIsMalformed(string code) =>
        Assert.That(
            () => PhoneNormalizer.Normalize("12345678", code),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("defaultCountryCallingCode"));
}
