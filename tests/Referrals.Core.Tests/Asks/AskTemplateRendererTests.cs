using Referrals.Core.Asks;
using Referrals.Core.Tests.Configuration;

namespace Referrals.Core.Tests.Asks;

public sealed class AskTemplateRendererTests
{
    private static readonly IReadOnlyList<Uri> _ratingLinks =
        Enumerable.Range(0, 11).Select(i => new Uri($"https://shop.example/rate/token{i}")).ToList();

    private static readonly AskTemplateVariables _all = new()
    {
        FirstName = "Anna",
        BusinessName = "Bakery & Co",
        ReferralLink = new Uri("https://shop.example/r/ANNA-7KQ2M9"),
        QrCodeUrl = new Uri("https://shop.example/qr/ANNA-7KQ2M9.png"),
        FriendOffer = "10 EUR off their first order",
        IdealReferral = "people who are planning a party",
        RatingLinks = _ratingLinks,
        UnsubscribeLink = new Uri("https://shop.example/unsubscribe/abc"),
    };

    private readonly AskTemplateRenderer _renderer = new();

    private static IEnumerable<TestCaseData> Defaults() => DocumentedDefaults.Of<AskTemplateRendererOptions>();

    [TestCaseSource(nameof(Defaults))]
    public void NewOptions_StartAtTheDocumentedDefault_ForEachDefaultConstant(string constant)
    {
        var (expected, actual) = DocumentedDefaults.Read<AskTemplateRendererOptions>(constant);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Render_ReplacesEveryDocumentedVariable_InText()
    {
        const string template =
            "{{ first_name }}|{{ business_name }}|{{ referral_link }}|{{ qr_code_url }}|{{ friend_offer }}|{{ ideal_referral }}|{{ rating_links[10] }}|{{ unsubscribe_link }}";

        var text = _renderer.Render(template, _all, TemplateFormat.Text);

        Assert.That(text, Is.EqualTo(
            "Anna|Bakery & Co|https://shop.example/r/ANNA-7KQ2M9|https://shop.example/qr/ANNA-7KQ2M9.png|10 EUR off their first order|people who are planning a party|https://shop.example/rate/token10|https://shop.example/unsubscribe/abc"));
    }

    [Test]
    public void Render_GivesRatingLinksInScoreOrder_WhenLoopedOver() =>
        Assert.That(
            _renderer.Render("{% for link in rating_links %}{{ forloop.index0 }}={{ link | split: '/' | last }};{% endfor %}", _all, TemplateFormat.Text),
            Is.EqualTo(string.Concat(Enumerable.Range(0, 11).Select(i => $"{i}=token{i};"))));

    [Test]
    public void Render_EscapesAScriptTagInTheFirstName_WhenFormatIsHtml()
    {
        var hostile = new AskTemplateVariables { FirstName = "<script>alert('x')</script>", BusinessName = "A & B" };

        var html = _renderer.Render("<p>Hi {{ first_name }} from {{ business_name }}</p>", hostile, TemplateFormat.Html);

        Assert.That(html, Does.Not.Contain("<script>"));
        Assert.That(html, Is.EqualTo("<p>Hi &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; from A &amp; B</p>"));
    }

    [Test]
    public void Render_EscapesQuotesInAttributes_WhenFormatIsHtml()
    {
        var hostile = new AskTemplateVariables { FirstName = "\" onmouseover=\"alert(1)" };

        Assert.That(
            _renderer.Render("<a title=\"{{ first_name }}\">x</a>", hostile, TemplateFormat.Html),
            Is.EqualTo("<a title=\"&quot; onmouseover=&quot;alert(1)\">x</a>"));
    }

    [Test]
    public void Render_KeepsLettersOutsideAscii_WhenFormatIsHtml() =>
        Assert.That(
            _renderer.Render("{{ first_name }}", new AskTemplateVariables { FirstName = "Søren Ærø" }, TemplateFormat.Html),
            Is.EqualTo("Søren Ærø"));

    [Test]
    public void Render_PrintsValuesUnescaped_WhenFormatIsText() =>
        Assert.That(
            _renderer.Render("Hi {{ first_name }}", new AskTemplateVariables { FirstName = "<Anna & Bo>" }, TemplateFormat.Text),
            Is.EqualTo("Hi <Anna & Bo>"));

    [Test]
    public void Render_AcceptsAnEmptyFirstName_AsAValue() =>
        Assert.That(
            _renderer.Render("Hi{% if first_name != blank %} {{ first_name }}{% endif %},", new AskTemplateVariables { FirstName = "" }, TemplateFormat.Text),
            Is.EqualTo("Hi,"));

    [Test]
    public void Render_AllowsNamesTheTemplateDefinesItself()
    {
        const string template =
            "{% assign greeting = 'Hello' %}{% capture who %}{{ first_name }}{% endcapture %}{% for l in rating_links limit: 2 %}{{ forloop.index }}{% endfor %}{% increment n %} {{ greeting }} {{ who }}";

        Assert.That(_renderer.Render(template, _all, TemplateFormat.Text), Is.EqualTo("120 Hello Anna"));
    }

    [Test]
    public void Render_DoesNotNeedValues_ForVariablesTheTemplateDoesNotUse() =>
        Assert.That(
            _renderer.Render("Hello {{ business_name }}", new AskTemplateVariables { BusinessName = "Bakery" }, TemplateFormat.Text),
            Is.EqualTo("Hello Bakery"));

    [Test]
    public void Render_ThrowsNamingTheVariableLineAndColumn_WhenTheVariableIsUnknown()
    {
        const string template = "Hello\nDear {{ frist_name }},";

        var problem = RenderProblems(template).Single();

        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.UnknownVariable));
        Assert.That(problem.Variable, Is.EqualTo("frist_name"));
        Assert.That((problem.Line, problem.Column), Is.EqualTo((2, 9)));
        Assert.That(problem.Message, Does.Contain("'frist_name'"));
        Assert.That(problem.Fix, Does.StartWith("Did you mean first_name?"));
    }

    [Test]
    public void Render_ListsTheKnownVariables_WhenAnUnknownOneIsNotCloseToAny()
    {
        var problem = RenderProblems("{{ shoe_size }}").Single();

        Assert.That(problem.Fix, Does.StartWith("Use one of: first_name, business_name").And.Contain("unsubscribe_link"));
    }

    [Test]
    public void Render_ReportsAnUnknownVariable_EvenInABranchThatWouldNotRun()
    {
        var problem = RenderProblems("{% if business_name == 'nobody' %}{{ coupon_code }}{% endif %}").Single();

        Assert.That(problem.Variable, Is.EqualTo("coupon_code"));
    }

    [Test]
    public void Render_ReportsEveryUnknownVariable_Once()
    {
        var problems = RenderProblems("{{ a_thing }} {{ b_thing }} {{ a_thing }}");

        Assert.That(problems.Select(p => p.Variable), Is.EqualTo(new[] { "a_thing", "b_thing" }));
    }

    [Test]
    public void Render_ThrowsWithLineAndColumn_WhenTheTemplateDoesNotParse()
    {
        var problem = RenderProblems("Hello\n{% if first_name %}\nno end").Single();

        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.ParseError));
        Assert.That(problem.Line, Is.Not.Null);
        Assert.That(problem.Column, Is.Not.Null);
        Assert.That(problem.Message, Does.StartWith("The template is not valid Liquid"));
        Assert.That(problem.Fix, Does.Contain("end tag"));
    }

    [Test]
    public void Render_ThrowsAtTheUnclosedOutput_WhenBracesAreNotClosed()
    {
        var problem = RenderProblems("Hi\nthere {{ first_name ").Single();

        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.ParseError));
        Assert.That(problem.Line, Is.EqualTo(2));
    }

    [Test]
    public void Render_ThrowsNamingTheFilter_WhenTheFilterIsUnknown()
    {
        var problem = RenderProblems("{{ first_name | shout }}").Single();

        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.UnknownFilter));
        Assert.That(problem.Message, Does.Contain("'shout'"));
        Assert.That(problem.Line, Is.EqualTo(1));
    }

    [TestCase("{% include 'footer' %}", "include")]
    [TestCase("{% render 'footer' %}", "render")]
    public void Render_RefusesTagsThatLoadOtherFiles(string template, string tag)
    {
        var problem = RenderProblems(template).Single();

        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.UnsupportedTag));
        Assert.That(problem.Message, Does.Contain(tag));
    }

    [Test]
    public void Render_ThrowsNamingTheVariable_WhenAUsedValueIsMissing()
    {
        var problem = RenderProblems("Hi {{ first_name }}", new AskTemplateVariables { BusinessName = "Bakery" }).Single();

        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.MissingValue));
        Assert.That(problem.Variable, Is.EqualTo("first_name"));
        Assert.That(problem.Message, Does.Contain("first_name"));
        Assert.That(problem.Fix, Does.Contain("AskTemplateVariables.FirstName"));
    }

    [Test]
    public void Render_ReportsEveryMissingValue_AtOnce() =>
        Assert.That(
            RenderProblems("{{ referral_link }} {{ friend_offer }} {{ rating_links[0] }}", new AskTemplateVariables()).Select(p => p.Variable),
            Is.EquivalentTo(new[] { "referral_link", "friend_offer", "rating_links" }));

    [Test]
    public void Render_NeedsAValue_WhenAVariableIsOnlyTested() =>
        Assert.That(
            RenderProblems("{% if ideal_referral != blank %}x{% endif %}", new AskTemplateVariables()).Single().Variable,
            Is.EqualTo("ideal_referral"));

    [Test]
    public void Render_RefusesARelativeLink()
    {
        var problem = RenderProblems("{{ referral_link }}", new AskTemplateVariables { ReferralLink = new Uri("/r/ANNA", UriKind.Relative) }).Single();

        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.InvalidValue));
        Assert.That(problem.Variable, Is.EqualTo("referral_link"));
    }

    [TestCase(10)]
    [TestCase(12)]
    public void Render_RefusesRatingLinks_WhenThereAreNotEleven(int count)
    {
        var variables = new AskTemplateVariables { RatingLinks = _ratingLinks.Concat(_ratingLinks).Take(count).ToList() };

        var problem = RenderProblems("{{ rating_links[0] }}", variables).Single();

        Assert.That(problem.Kind, Is.EqualTo(TemplateProblemKind.InvalidValue));
        Assert.That(problem.Message, Does.Contain("exactly 11"));
    }

    [Test]
    public void Render_RefusesTheCurrentDate_SinceTemplatesHaveNoClock()
    {
        var exception = Assert.Throws<AskTemplateException>(() => _renderer.Render("{{ 'now' | date: '%Y' }}", _all, TemplateFormat.Text));

        Assert.That(exception!.Problems.Single().Kind, Is.EqualTo(TemplateProblemKind.RenderError));
        Assert.That(exception.Problems.Single().Message, Does.Contain("current date"));
    }

    [Test]
    public void Render_StopsARunawayLoop_WithARenderError()
    {
        var renderer = new AskTemplateRenderer(new AskTemplateRendererOptions { MaxSteps = 100 });

        var exception = Assert.Throws<AskTemplateException>(() => renderer.Render("{% for i in (1..100000) %}x{% endfor %}", _all, TemplateFormat.Text));

        Assert.That(exception!.Problems.Single().Kind, Is.EqualTo(TemplateProblemKind.RenderError));
    }

    [Test]
    public void Exception_ListsEveryProblem_InItsMessage()
    {
        var exception = Assert.Throws<AskTemplateException>(() => _renderer.Render("{{ a_thing }} {{ b_thing }}", _all, TemplateFormat.Text));

        Assert.That(exception!.Message, Does.Contain("'a_thing'").And.Contain("'b_thing'").And.Contain("line 1"));
    }

    [Test]
    public void Check_FindsNothing_ForAValidTemplate() =>
        Assert.That(_renderer.Check("Hi {{ first_name | capitalize }}"), Is.Empty);

    [Test]
    public void VariablesUsedBy_ListsOnlyDocumentedVariables() =>
        Assert.That(
            _renderer.VariablesUsedBy("{% assign x = 1 %}{{ first_name }}{{ x }}{% for l in rating_links %}{{ l }}{% endfor %}"),
            Is.EquivalentTo(new[] { "first_name", "rating_links" }));

    [Test]
    public void Render_ParsesATemplateOnce_AndReusesIt()
    {
        var renderer = new AskTemplateRenderer();

        renderer.Render("Hi {{ first_name }}", _all, TemplateFormat.Text);
        renderer.Render("Hi {{ first_name }}", new AskTemplateVariables { FirstName = "Bo" }, TemplateFormat.Html);
        renderer.Render("Bye {{ first_name }}", _all, TemplateFormat.Text);

        Assert.That(renderer.CachedTemplateCount, Is.EqualTo(2));
    }

    [Test]
    public void Render_StartsTheCacheOver_WhenItIsFull()
    {
        var renderer = new AskTemplateRenderer(new AskTemplateRendererOptions { MaxCachedTemplates = 2 });

        renderer.Render("a {{ first_name }}", _all, TemplateFormat.Text);
        renderer.Render("b {{ first_name }}", _all, TemplateFormat.Text);
        renderer.Render("c {{ first_name }}", _all, TemplateFormat.Text);

        Assert.That(renderer.CachedTemplateCount, Is.EqualTo(1));
    }

    [Test]
    public void Check_DoesNotFillTheCache()
    {
        var renderer = new AskTemplateRenderer();

        renderer.Check("Hi {{ first_name }}");

        Assert.That(renderer.CachedTemplateCount, Is.Zero);
    }

    [Test]
    public void Render_GivesEachCallerItsOwnValues_WhenRenderingInParallel()
    {
        var renderer = new AskTemplateRenderer();
        var results = new string[400];

        Parallel.For(0, results.Length, i =>
            results[i] = renderer.Render(i % 2 == 0 ? "Hi {{ first_name }}" : "Hey {{ first_name }}", new AskTemplateVariables { FirstName = $"n{i}" }, TemplateFormat.Html));

        Assert.That(results, Is.EqualTo(Enumerable.Range(0, results.Length).Select(i => $"{(i % 2 == 0 ? "Hi" : "Hey")} n{i}")));
        Assert.That(renderer.CachedTemplateCount, Is.EqualTo(2));
    }

    [Test]
    public void Render_Throws_WhenArgumentsAreNullOrTheFormatIsUnknown()
    {
        Assert.That(() => _renderer.Render(null!, _all, TemplateFormat.Text), Throws.ArgumentNullException);
        Assert.That(() => _renderer.Render("x", null!, TemplateFormat.Text), Throws.ArgumentNullException);
        Assert.That(() => _renderer.Render("x", _all, (TemplateFormat)7), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(0, 1)]
    [TestCase(1, 0)]
    public void Constructor_Throws_WhenALimitIsBelowOne(int cache, int steps) =>
        Assert.That(
            () => new AskTemplateRenderer(new AskTemplateRendererOptions { MaxCachedTemplates = cache, MaxSteps = steps }),
            Throws.TypeOf<ArgumentOutOfRangeException>());

    private IReadOnlyList<TemplateProblem> RenderProblems(string template, AskTemplateVariables? variables = null)
    {
        var exception = Assert.Throws<AskTemplateException>(() => _renderer.Render(template, variables ?? _all, TemplateFormat.Text));
        return exception!.Problems;
    }
}
