using System.Net;
using Referrals.Core.Persistence;
using Referrals.ShopifyBridge.Tests.Connections;
using Referrals.Testing.Databases;

namespace Referrals.ShopifyBridge.Tests.Pages;

/// <summary>The settings page's ideal-client profiles, advocate news and introduction settings, on SQLite and PostgreSQL.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class IdealClientAndNewsSettingsTests
{
    private static readonly Uri Settings = new($"/shops/{ConnectBridge.Shop}/settings", UriKind.Relative);

    private readonly StorageProvider _provider;
    private ConnectBridge _bridge = null!;

    public IdealClientAndNewsSettingsTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync(_provider);
        await _bridge.InstallAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public async Task IdealClients_OffersFourRows_SavesTheFilledOnes_AndShowsThemAgain()
    {
        var page = await _bridge.Client.GetStringAsync(Settings);
        var fields = MerchantForms.Fields(page);
        Assert.That(fields.Keys.Count(k => k.StartsWith("IdealClients:", StringComparison.Ordinal) && k.EndsWith(":Name", StringComparison.Ordinal)), Is.EqualTo(4));
        Fill(fields, 0, "New home owners", "families who have just moved in", "has just bought a house", "We get the garden ready before summer.");
        Fill(fields, 2, "Busy parents", "parents with little time", "has a garden but no weekends", "We keep it tidy without them lifting a finger.");

        var response = await PostAsync(page, fields);
        var after = await _bridge.Client.GetStringAsync(Settings);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var saved = (await _bridge.TenantAsync())!.Settings.IdealClients;
        Assert.That(saved.Select(p => (p.Name, p.Who, p.Situation)), Is.EqualTo(new[]
        {
            ("New home owners", "families who have just moved in", "has just bought a house"),
            ("Busy parents", "parents with little time", "has a garden but no weekends"),
        }));
        var shown = MerchantForms.Fields(after);
        Assert.That((shown["IdealClients:0:Name"], shown["IdealClients:1:Name"], shown["IdealClients:2:Name"]), Is.EqualTo(("New home owners", "Busy parents", "")));
    }

    [Test]
    public async Task IdealClients_ShowEachProblemNextToTheRowTyped_AndSaveNothing()
    {
        var page = await _bridge.Client.GetStringAsync(Settings);
        var fields = MerchantForms.Fields(page);
        Fill(fields, 0, "New home owners", "families", "has just bought a house", "We get the garden ready.");
        Fill(fields, 2, "", "people <who> rent", "is moving out", "We leave it spotless.");
        Fill(fields, 3, "new HOME owners", "x", "y", "z");

        var response = await PostAsync(page, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(MerchantForms.ProblemAfter(html, "IdealClients-2-Name"), Does.Contain("Name of the ideal-client profile is empty"));
        Assert.That(MerchantForms.ProblemAfter(html, "IdealClients-3-Name"), Does.Contain("already named"));
        Assert.That(MerchantForms.ProblemAfter(html, "IdealClients-0-Name"), Is.Empty);
        Assert.That(html, Does.Contain("people &lt;who&gt; rent"), "what was typed stays in its row, encoded");
        Assert.That((await _bridge.TenantAsync())!.Settings.IdealClients, Is.Empty);
    }

    [Test]
    public async Task AdvocateNews_IsOffByDefault_AndSavesOptInIntervalAndTemplate()
    {
        var page = await _bridge.Client.GetStringAsync(Settings);
        var fields = MerchantForms.Fields(page);
        Assert.That(fields.ContainsKey("Timeline:AdvocateNews:Enabled"), Is.False, "the box is not ticked until the merchant opts in");
        fields["Timeline:AdvocateNews:Enabled"] = "true";
        fields["Timeline:AdvocateNewsIntervalDays"] = "14";
        fields["Templates:AdvocateNewsSubject"] = "News from the garden, {{ first_name }}";
        fields["IntroductionCooldownDays"] = "120";

        var response = await PostAsync(page, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var settings = (await _bridge.TenantAsync())!.Settings;
        Assert.That((settings.Timeline.AdvocateNews.Enabled, settings.Timeline.AdvocateNewsIntervalDays, settings.Templates.AdvocateNewsSubject, settings.IntroductionCooldownDays),
            Is.EqualTo((true, 14, "News from the garden, {{ first_name }}", 120)));
    }

    [Test]
    public async Task AdvocateNews_ShowsItsProblemsNextToItsFields_WhenInvalid()
    {
        var page = await _bridge.Client.GetStringAsync(Settings);
        var fields = MerchantForms.Fields(page);
        fields["Timeline:AdvocateNews:Enabled"] = "true";
        fields["Timeline:AdvocateNewsIntervalDays"] = "0";
        fields["Templates:AdvocateNewsText"] = "Hello {{ first_name }}, no link";

        var response = await PostAsync(page, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(MerchantForms.ProblemAfter(html, "Timeline-AdvocateNewsIntervalDays"), Does.Contain("outside 1-3650"));
        Assert.That(MerchantForms.ProblemAfter(html, "Templates-AdvocateNewsText"), Does.Contain("referral_link"));
        Assert.That(html, Does.Contain("name=\"Timeline:AdvocateNews:Enabled\" value=\"true\" checked"), "the ticked box stays ticked");
        Assert.That((await _bridge.TenantAsync())!.Settings.Timeline.AdvocateNews.Enabled, Is.False);
    }

    private static void Fill(Dictionary<string, string> fields, int row, string name, string who, string situation, string benefit)
    {
        fields[$"IdealClients:{row}:Name"] = name;
        fields[$"IdealClients:{row}:Who"] = who;
        fields[$"IdealClients:{row}:Situation"] = situation;
        fields[$"IdealClients:{row}:Benefit"] = benefit;
    }

    private async Task<HttpResponseMessage> PostAsync(string html, Dictionary<string, string> fields)
    {
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = ConnectBridge.AntiforgeryToken(html) };
        using var content = new FormUrlEncodedContent(body);
        return await _bridge.Client.PostAsync(Settings, content);
    }
}
