using System.Text.RegularExpressions;
using Referrals.Core.Thanks;

namespace Referrals.Core.Tests.Thanks;

public sealed partial class ThankYouCardSheetTests
{
    private static readonly Uri _link = new("https://shop.example/r/ANNA-7KQ2M9");

    private static readonly PrintableCard _anna = new("Dear Anna,\nthank you!", "Anna Holm", "Nørregade 12\n1165 København K\nDK", _link);

    [GeneratedRegex(@"<svg[^>]*viewBox=""0 0 (\d+) (\d+)""[^>]*>.*?<path[^>]*d=""([^""]+)""", RegexOptions.Singleline)]
    private static partial Regex SvgPath();

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\3z")]
    private static partial Regex Run();

    [Test]
    public void Render_MakesOneA6PrintPagePerCard()
    {
        var html = ThankYouCardSheet.Render([_anna, _anna with { RecipientName = "Bo" }, _anna with { RecipientName = "Carl" }], "Cards");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("@page { size: A6"));
            Assert.That(html, Does.Contain("break-after: page"));
            Assert.That(Regex.Count(html, "<section class=\"card\">"), Is.EqualTo(3));
            Assert.That(html.IndexOf("Bo\n", StringComparison.Ordinal), Is.LessThan(html.IndexOf("Carl\n", StringComparison.Ordinal)), "cards keep their order");
            Assert.That(html, Does.EndWith("</html>\n"));
        }
    }

    [Test]
    public void Render_IsSelfContained_WithNoScriptsOrFetchedResources()
    {
        var html = ThankYouCardSheet.Render([_anna], "Cards");

        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("src=").And.Not.Contain("<link").And.Not.Contain("url("));
    }

    [Test]
    public void Render_EscapesEveryText()
    {
        var hostile = new PrintableCard("<script>alert(1)</script> & \"quotes\"", "<b>Eve</b>", "<img src=x onerror=alert(1)>", new Uri("https://shop.example/r/A?x=\"><script>"));

        var html = ThankYouCardSheet.Render([hostile], "<title>");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Not.Contain("<script>").And.Not.Contain("<b>Eve").And.Not.Contain("<img").And.Not.Contain("<title><"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
            Assert.That(html, Does.Contain("&lt;b&gt;Eve&lt;/b&gt;"));
            Assert.That(html, Does.Contain("&lt;img src=x onerror=alert(1)&gt;"));
        }
    }

    [Test]
    public void Render_ShowsTheMessageNameAddressAndLink()
    {
        var html = ThankYouCardSheet.Render([_anna], "Cards");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Contain("<div class=\"message\">Dear Anna,\nthank you!</div>"));
            Assert.That(html, Does.Contain("<div class=\"address\">Anna Holm\nN&#248;rregade 12\n1165 K&#248;benhavn K\nDK</div>"));
            Assert.That(html, Does.Contain("<div class=\"link\">https://shop.example/r/ANNA-7KQ2M9</div>"));
        }
    }

    [Test]
    public void Render_DrawsTheQrCodeOfExactlyTheLink()
    {
        var html = ThankYouCardSheet.Render([_anna], "Cards");

        var match = SvgPath().Match(html);
        Assert.That(match.Success, Is.True, "an inline SVG with a path");
        var size = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var drawn = Enumerable.Range(0, size).Select(_ => new bool[size]).ToArray();
        foreach (Match run in Run().Matches(match.Groups[3].Value))
        {
            var (x, y, w) = (int.Parse(run.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(run.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(run.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
            for (var i = 0; i < w; i++)
            {
                drawn[y][x + i] = true;
            }
        }

        Assert.That(drawn, Is.EqualTo(QrCodes.Modules(_link)));
        Assert.That(QrDecoder.Decode(drawn), Is.EqualTo(_link.AbsoluteUri));
    }

    [Test]
    public void Render_PrintsNoQrCode_WhenThereIsNoLink()
    {
        var html = ThankYouCardSheet.Render([_anna with { ReferralLink = null }], "Cards");

        Assert.That(html, Does.Not.Contain("<svg").And.Not.Contain("class=\"link\""));
    }

    [Test]
    public void Render_SaysSo_WhenThereAreNoCards() =>
        Assert.That(ThankYouCardSheet.Render([], "Cards"), Does.Contain("No thank-you cards to print."));
}
