using Referrals.Core.Codes;

namespace Referrals.Core.Tests.Codes;

public sealed class CrockfordBase32Tests
{
    [Test]
    public void Alphabet_HasThirtyTwoDistinctSymbols_WithoutILOU()
    {
        Assert.That(CrockfordBase32.Alphabet, Has.Length.EqualTo(32));
        Assert.That(CrockfordBase32.Alphabet.Distinct().Count(), Is.EqualTo(32));
        Assert.That(CrockfordBase32.Alphabet.Intersect("ILOU"), Is.Empty);
    }

    [TestCase(0, '0')]
    [TestCase(9, '9')]
    [TestCase(10, 'A')]
    [TestCase(18, 'J')]
    [TestCase(27, 'V')]
    [TestCase(31, 'Z')]
    public void GetSymbol_ReturnsSymbolForValue(int value, char expected) =>
        Assert.That(CrockfordBase32.GetSymbol(value), Is.EqualTo(expected));

    [TestCase(-1)]
    [TestCase(32)]
    public void GetSymbol_Throws_WhenValueIsNotFiveBits(int value) =>
        Assert.That(() => CrockfordBase32.GetSymbol(value), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void EncodeBytes_PacksFiveBitsPerSymbol_MostSignificantFirst()
    {
        Assert.That(CrockfordBase32.Encode([]), Is.Empty);
        Assert.That(CrockfordBase32.Encode([0xFF]), Is.EqualTo("ZW"));
        Assert.That(CrockfordBase32.Encode([0x00, 0x00, 0x00, 0x00, 0x00]), Is.EqualTo("00000000"));
        Assert.That(CrockfordBase32.Encode([0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), Is.EqualTo("ZZZZZZZZ"));
        // 0x08 0x42 = 00001 00001 00001 0(0000 padding)
        Assert.That(CrockfordBase32.Encode([0x08, 0x42]), Is.EqualTo("1110"));
    }

    [Test]
    public void EncodeValue_WritesExactlyTheRequestedSymbols()
    {
        Assert.That(CrockfordBase32.Encode(0UL, 4), Is.EqualTo("0000"));
        Assert.That(CrockfordBase32.Encode(32UL, 2), Is.EqualTo("10"));
        Assert.That(CrockfordBase32.Encode(1023UL, 2), Is.EqualTo("ZZ"));
        Assert.That(CrockfordBase32.Encode(ulong.MaxValue, 13), Is.EqualTo("FZZZZZZZZZZZZ"));
    }

    [Test]
    public void EncodeValue_Throws_WhenValueDoesNotFit()
    {
        Assert.That(() => CrockfordBase32.Encode(1024UL, 2), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => CrockfordBase32.Encode(1UL, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => CrockfordBase32.Encode(1UL, 14), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void FromRandomBytes_MapsEveryByteValueToEachSymbolEqualOften()
    {
        var allBytes = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();

        var symbols = CrockfordBase32.FromRandomBytes(allBytes);

        var counts = symbols.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts.Keys, Is.EquivalentTo(CrockfordBase32.Alphabet));
        Assert.That(counts.Values, Is.All.EqualTo(8));
    }

    [TestCase('0', '0')]
    [TestCase('7', '7')]
    [TestCase('a', 'A')]
    [TestCase('Z', 'Z')]
    [TestCase('O', '0')]
    [TestCase('o', '0')]
    [TestCase('I', '1')]
    [TestCase('i', '1')]
    [TestCase('L', '1')]
    [TestCase('l', '1')]
    [TestCase('U', 'V')]
    [TestCase('u', 'V')]
    public void TryCanonicalizeSymbol_MapsCaseAndLookAlikes(char typed, char expected)
    {
        Assert.That(CrockfordBase32.TryCanonicalizeSymbol(typed, out var symbol), Is.True);
        Assert.That(symbol, Is.EqualTo(expected));
    }

    [TestCase('-')]
    [TestCase(' ')]
    [TestCase('é')]
    [TestCase('Ø')]
    [TestCase('#')]
    [TestCase('\0')]
    [TestCase('Ａ')]
    public void TryCanonicalizeSymbol_Rejects_WhenCharacterIsOutsideTheAlphabet(char typed)
    {
        Assert.That(CrockfordBase32.TryCanonicalizeSymbol(typed, out var symbol), Is.False);
        Assert.That(symbol, Is.EqualTo('\0'));
    }

    [Test]
    public void TryCanonicalizeSymbol_AcceptsEverySymbolOfTheAlphabetAsItself()
    {
        foreach (var c in CrockfordBase32.Alphabet)
        {
            Assert.That(CrockfordBase32.TryCanonicalizeSymbol(c, out var symbol), Is.True, c.ToString());
            Assert.That(symbol, Is.EqualTo(c));
        }
    }
}
