using System.Security.Cryptography;
using Referrals.Core.Codes;

namespace Referrals.Core.Tests.Codes;

public sealed class ReferralCodeGeneratorTests
{
    [Test]
    public void Generate_PrefixesFoldedName_WhenNameIsUsable()
    {
        // Bytes 7, 19, 23, 2, 20, 9 are the symbols 7 K Q 2 M 9.
        var generator = new ReferralCodeGenerator(new SequenceRandomNumberGenerator(7, 19, 23, 2, 20, 9), new ReferralCodeOptions());

        var code = generator.Generate("Anna");

        Assert.That(code.Display, Is.EqualTo("ANNA-7KQ2M9"));
        Assert.That(code.LookupKey, Is.EqualTo("ANNA7KQ2M9"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("李")]
    public void Generate_OmitsPrefixAndHyphen_WhenNameGivesNoPrefix(string? name)
    {
        var generator = new ReferralCodeGenerator(new SequenceRandomNumberGenerator(7, 19, 23, 2, 20, 9), new ReferralCodeOptions());

        var code = generator.Generate(name);

        Assert.That(code.Display, Is.EqualTo("7KQ2M9"));
        Assert.That(code.LookupKey, Is.EqualTo("7KQ2M9"));
    }

    [Test]
    public void Generate_UsesOnlyTheLowFiveBitsOfEachByte()
    {
        // 0xE7 = 111 00111 -> 7; 0x3F = 001 11111 -> Z.
        var generator = new ReferralCodeGenerator(new SequenceRandomNumberGenerator(0xE7, 0x3F), new ReferralCodeOptions());

        Assert.That(generator.Generate(null).Display, Is.EqualTo("7Z7Z7Z"));
    }

    [Test]
    public void Generate_TruncatesPrefix_ToOptionsMaxPrefixLength()
    {
        var options = new ReferralCodeOptions { MaxPrefixLength = 3 };
        var generator = new ReferralCodeGenerator(new SequenceRandomNumberGenerator(0), options);

        Assert.That(generator.Generate("Olivia").Display, Is.EqualTo("OLI-000000"));
        Assert.That(generator.Generate("Olivia").LookupKey, Is.EqualTo("011000000"));
    }

    [Test]
    public void Generate_OmitsPrefix_WhenMaxPrefixLengthIsZero()
    {
        var generator = new ReferralCodeGenerator(new SequenceRandomNumberGenerator(0), new ReferralCodeOptions { MaxPrefixLength = 0 });

        Assert.That(generator.Generate("Anna").Display, Is.EqualTo("000000"));
    }

    [Test]
    public void Generate_UsesRequestedRandomLength()
    {
        var random = new SequenceRandomNumberGenerator(1);
        var generator = new ReferralCodeGenerator(random, new ReferralCodeOptions());

        Assert.That(generator.Generate("Bo", 8).Display, Is.EqualTo("BO-11111111"));
        Assert.That(random.BytesHandedOut, Is.EqualTo(8));
    }

    [TestCase(0)]
    [TestCase(9)]
    public void Generate_Throws_WhenRandomLengthIsOutOfRange(int randomLength)
    {
        var generator = new ReferralCodeGenerator(new SequenceRandomNumberGenerator(0), new ReferralCodeOptions());

        Assert.That(() => generator.Generate("Anna", randomLength), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Generate_NeverPutsILOUInTheRandomPart()
    {
        // Every byte value, so every symbol the mapping can produce shows up.
        var allBytes = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var generator = new ReferralCodeGenerator(new SequenceRandomNumberGenerator(allBytes), new ReferralCodeOptions());

        for (var i = 0; i < 1_000; i++)
        {
            var randomPart = generator.Generate("Lou").Display["LOU-".Length..];
            Assert.That(randomPart.IndexOfAny(['I', 'L', 'O', 'U']), Is.EqualTo(-1), randomPart);
        }
    }

    [Test]
    public void Generate_GivesDistinctCodesThatParseBackToTheirKey_WithARealRandomSource()
    {
        // 8 random symbols = 40 bits: a birthday collision among 10,000 codes has a chance of about 5e-5.
        // (At the default 6 symbols it would be about 5%; collisions are what the allocator is for.)
        using var random = RandomNumberGenerator.Create();
        var generator = new ReferralCodeGenerator(random, new ReferralCodeOptions { RandomLength = 8 });
        var names = new[] { "Anna", null, "Søren", "Olivia", "李" };

        var codes = Enumerable.Range(0, 10_000).Select(i => generator.Generate(names[i % names.Length])).ToList();

        Assert.That(codes.Select(c => c.LookupKey).Distinct().Count(), Is.EqualTo(codes.Count));
        Assert.That(codes.Select(c => c.Display).Distinct().Count(), Is.EqualTo(codes.Count));
        foreach (var code in codes)
        {
            Assert.That(ReferralCodeKey.Create(code.Display), Is.EqualTo(code.LookupKey));
            Assert.That(ReferralCodeKey.Create(code.Display.ToLowerInvariant()), Is.EqualTo(code.LookupKey));
        }
    }

    [Test]
    public void Constructor_Throws_WhenOptionsAreInvalid() =>
        Assert.That(
            () => new ReferralCodeGenerator(new SequenceRandomNumberGenerator(0), new ReferralCodeOptions { RandomLength = 2 }),
            Throws.ArgumentException.With.Message.Contains("Referrals:Codes:RandomLength"));

    [Test]
    public void Constructor_CopiesOptions_SoLaterChangesHaveNoEffect()
    {
        var options = new ReferralCodeOptions();
        var generator = new ReferralCodeGenerator(new SequenceRandomNumberGenerator(0), options);

        options.RandomLength = 4;
        options.MaxPrefixLength = 0;

        Assert.That(generator.Generate("Anna").Display, Is.EqualTo("ANNA-000000"));
    }

    [Test]
    public void Constructor_Throws_WhenArgumentsAreNull()
    {
        Assert.That(() => new ReferralCodeGenerator(null!, new ReferralCodeOptions()), Throws.ArgumentNullException);
        Assert.That(() => new ReferralCodeGenerator(new SequenceRandomNumberGenerator(0), null!), Throws.ArgumentNullException);
    }
}
