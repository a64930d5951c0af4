using Referrals.Core.Satisfaction;

namespace Referrals.Core.Tests.Satisfaction;

public sealed class RatingLinksTests
{
    private static readonly RatingLinkSigner _signer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly Guid _tenant = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid _ask = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static readonly Guid _contact = Guid.Parse("16fd2706-8baf-433b-82eb-8c7fada847da");
    private static readonly DateTimeOffset _now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private static IReadOnlyList<Uri> Links(string baseUrl) =>
        RatingLinks.ForAllScores(_signer, new Uri(baseUrl), _tenant, _ask, _contact, _now.AddDays(14));

    [Test]
    public void ForAllScores_BuildsElevenLinks_WhoseIndexIsTheScoreTheyRecord()
    {
        var links = Links("https://shop.example");

        Assert.That(links, Has.Count.EqualTo(11));
        for (var score = 0; score <= 10; score++)
        {
            var token = links[score].AbsolutePath["/rate/".Length..];
            var result = _signer.Verify(token, _now);
            Assert.That(result.Token, Is.EqualTo(new RatingToken(_tenant, _ask, _contact, score, _now.AddDays(14))), $"link {score}");
        }
    }

    [TestCase("https://shop.example", "https://shop.example/rate/")]
    [TestCase("https://shop.example/", "https://shop.example/rate/")]
    [TestCase("https://shop.example/da/butik/", "https://shop.example/da/butik/rate/")]
    [TestCase("http://localhost:5000", "http://localhost:5000/rate/")]
    public void ForAllScores_PutsRateAndTheTokenAfterTheBasePath(string baseUrl, string prefix) =>
        Assert.That(Links(baseUrl).Select(l => l.AbsoluteUri), Has.All.StartsWith(prefix));

    [Test]
    public void ForAllScores_GivesElevenDistinctLinks() =>
        Assert.That(Links("https://shop.example"), Is.Unique);

    [TestCase("ftp://shop.example", "https://")]
    [TestCase("https://shop.example/?a=1", "query")]
    [TestCase("https://shop.example/#x", "fragment")]
    public void ForAllScores_Throws_WhenTheBaseUrlIsNotUsable(string baseUrl, string hint) =>
        Assert.That(() => Links(baseUrl), Throws.ArgumentException.With.Message.Contains(hint).And.Message.Contains("rating link"));

    [Test]
    public void ForAllScores_Throws_WhenTheBaseUrlIsRelative() =>
        Assert.That(
            () => RatingLinks.ForAllScores(_signer, new Uri("/en", UriKind.Relative), _tenant, _ask, _contact, _now),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("baseUrl"));

    [Test]
    public void ForAllScores_Throws_WhenTheAskIdIsEmpty() =>
        Assert.That(
            () => RatingLinks.ForAllScores(_signer, new Uri("https://shop.example"), _tenant, Guid.Empty, _contact, _now),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("askId"));

    [Test]
    public void ForAllScores_Throws_WhenSignerOrBaseIsNull()
    {
        Assert.That(() => RatingLinks.ForAllScores(null!, new Uri("https://shop.example"), _tenant, _ask, _contact, _now), Throws.ArgumentNullException);
        Assert.That(() => RatingLinks.ForAllScores(_signer, null!, _tenant, _ask, _contact, _now), Throws.ArgumentNullException);
    }
}
