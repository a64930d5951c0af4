using System.Net;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.ShopifyBridge.Tests.Connections;
using Referrals.Testing.Databases;

namespace Referrals.ShopifyBridge.Tests.Pages;

/// <summary>The settings page's per-step ideal-client pickers, and a profile a step still names being cleared, on SQLite and PostgreSQL.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class StepIdealClientSettingsTests
{
    private static readonly Uri Settings = new($"/shops/{ConnectBridge.Shop}/settings", UriKind.Relative);

    private const string PurchasePicker = "Timeline:Purchase:IdealClientName";

    private const string CadencePicker = "Timeline:Cadence:IdealClientName";

    private const string NewsPicker = "Timeline:AdvocateNews:IdealClientName";

    private readonly StorageProvider _provider;
    private ConnectBridge _bridge = null!;

    public StepIdealClientSettingsTests(StorageProvider provider)
    {
        _provider = provider;
    }

    [SetUp]
    public async Task SetUp()
    {
        _bridge = await ConnectBridge.StartAsync(_provider);
        await _bridge.InstallAsync();
        var tenant = (await _bridge.TenantAsync())!;
        tenant.Settings.IdealClients =
        [
            new IdealClientProfile { Name = "New home owners", Who = "families who have just moved in", Situation = "has just bought a house", Benefit = "We get the garden ready." },
            new IdealClientProfile { Name = "Busy parents", Who = "parents short of time", Situation = "has a garden but no free weekends", Benefit = "We keep it tidy." },
        ];
        await using var db = _bridge.Database.CreateDbContext();
        db.Tenants.Update(tenant);
        await db.SaveChangesAsync();
    }

    [TearDown]
    public async Task TearDown() => await _bridge.DisposeAsync();

    [Test]
    public async Task Picker_OffersNoneAndTheSavedProfilesForEachStep_SavesTheChoice_AndShowsItChosen()
    {
        var page = await _bridge.Client.GetStringAsync(Settings);
        var fields = MerchantForms.Fields(page);
        Assert.That(MerchantForms.Options(page, "Timeline-Purchase-IdealClientName").Select(o => o.Value), Is.EqualTo(new[] { "", "New home owners", "Busy parents" }));
        Assert.That(fields.Keys.Count(k => k.StartsWith("Timeline:", StringComparison.Ordinal) && k.EndsWith(":IdealClientName", StringComparison.Ordinal)), Is.EqualTo(7), "six timeline steps and the advocate news");
        Assert.That(fields[PurchasePicker], Is.Empty, "no step names a profile until the merchant picks one");
        fields[PurchasePicker] = "New home owners";
        fields[CadencePicker] = "Busy parents";

        var response = await PostAsync(page, fields);
        var after = await _bridge.Client.GetStringAsync(Settings);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var timeline = (await _bridge.TenantAsync())!.Settings.Timeline;
        Assert.That((timeline.Purchase.IdealClientName, timeline.Cadence.IdealClientName, timeline.Fulfilment.IdealClientName), Is.EqualTo(("New home owners", "Busy parents", (string?)null)));
        var shown = MerchantForms.Fields(after);
        Assert.That((shown[PurchasePicker], shown[CadencePicker], shown["Timeline:Manual:IdealClientName"]), Is.EqualTo(("New home owners", "Busy parents", "")));
    }

    [Test]
    public async Task ClearingAProfileAStepNames_ShowsTheProblemAtThatStepsPicker_AndOnePostChoosingNoneFixesIt()
    {
        await NameOnStepsAsync(cadence: "Busy parents");
        var page = await _bridge.Client.GetStringAsync(Settings);
        var fields = MerchantForms.Fields(page);
        Clear(fields, 1);

        var response = await PostAsync(page, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(MerchantForms.ProblemAfter(html, "Timeline-Cadence-IdealClientName"), Does.Contain("'Busy parents'").And.Contain("Choose another profile, or None"));
        Assert.That(MerchantForms.ProblemAfter(html, "Timeline-Purchase-IdealClientName"), Is.Empty);
        Assert.That(html, Does.Not.Contain("<p class=\"problem\">Referrals:"), "nothing is left at the top of the form");
        Assert.That(MerchantForms.Options(html, "Timeline-Cadence-IdealClientName"), Is.EqualTo(new[]
        {
            ("", "None (in general)", false),
            ("New home owners", "New home owners", false),
            ("Busy parents", "Busy parents (removed)", true),
        }), "the remaining profiles are offered, and the removed one stays visible until changed");
        Assert.That((await _bridge.TenantAsync())!.Settings.IdealClients, Has.Count.EqualTo(2), "nothing was saved");

        var again = MerchantForms.Fields(html);
        Assert.That(again["IdealClients:1:Name"], Is.Empty, "the cleared row stays cleared");
        again[CadencePicker] = "";
        var fixedResponse = await PostAsync(html, again);

        Assert.That(fixedResponse.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await fixedResponse.Content.ReadAsStringAsync());
        var settings = (await _bridge.TenantAsync())!.Settings;
        Assert.That((settings.IdealClients.Single().Name, settings.Timeline.Cadence.IdealClientName), Is.EqualTo(("New home owners", (string?)null)));
    }

    [Test]
    public async Task ClearingAProfileAStepNames_CanBeFixedByChoosingAnotherProfile()
    {
        await NameOnStepsAsync(cadence: "Busy parents");
        var page = await _bridge.Client.GetStringAsync(Settings);
        var fields = MerchantForms.Fields(page);
        Clear(fields, 1);
        var html = await (await PostAsync(page, fields)).Content.ReadAsStringAsync();
        var again = MerchantForms.Fields(html);
        again[CadencePicker] = "New home owners";

        var response = await PostAsync(html, again);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That((await _bridge.TenantAsync())!.Settings.Timeline.Cadence.IdealClientName, Is.EqualTo("New home owners"));
    }

    [Test]
    public async Task RenamingAProfileAStepNames_MovesTheStepToTheNewName()
    {
        await NameOnStepsAsync(purchase: "New home owners");
        var page = await _bridge.Client.GetStringAsync(Settings);
        var fields = MerchantForms.Fields(page);
        fields["IdealClients:0:Name"] = "First-time buyers";

        var response = await PostAsync(page, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var settings = (await _bridge.TenantAsync())!.Settings;
        Assert.That((settings.IdealClients[0].Name, settings.Timeline.Purchase.IdealClientName), Is.EqualTo(("First-time buyers", "First-time buyers")));
    }

    [Test]
    public async Task Picker_RefusesANameNoProfileHas_AtThatStep()
    {
        var page = await _bridge.Client.GetStringAsync(Settings);
        var fields = MerchantForms.Fields(page);
        fields["Timeline:Manual:IdealClientName"] = "Retirees";

        var response = await PostAsync(page, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(MerchantForms.ProblemAfter(html, "Timeline-Manual-IdealClientName"), Does.Contain("'Retirees'"));
        Assert.That((await _bridge.TenantAsync())!.Settings.Timeline.Manual.IdealClientName, Is.Null);
    }

    [Test]
    public async Task AdvocateNewsPicker_SavesTheChoice_AndAClearedProfileShowsItsProblemThere_UntilAnotherIsChosen()
    {
        var page = await _bridge.Client.GetStringAsync(Settings);
        Assert.That(MerchantForms.Options(page, "Timeline-AdvocateNews-IdealClientName").Select(o => o.Value), Is.EqualTo(new[] { "", "New home owners", "Busy parents" }));
        var fields = MerchantForms.Fields(page);
        fields[NewsPicker] = "Busy parents";
        var saved = await PostAsync(page, fields);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        Assert.That((await _bridge.TenantAsync())!.Settings.Timeline.AdvocateNews.IdealClientName, Is.EqualTo("Busy parents"));

        page = await _bridge.Client.GetStringAsync(Settings);
        fields = MerchantForms.Fields(page);
        Assert.That(fields[NewsPicker], Is.EqualTo("Busy parents"), "the saved choice is shown chosen");
        Clear(fields, 1);
        var refused = await PostAsync(page, fields);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(MerchantForms.ProblemAfter(html, "Timeline-AdvocateNews-IdealClientName"), Does.Contain("'Busy parents'").And.Contain("Choose another profile, or None"));
        Assert.That(MerchantForms.ProblemAfter(html, "Timeline-Cadence-IdealClientName"), Is.Empty);
        Assert.That(html, Does.Not.Contain("<p class=\"problem\">Referrals:"), "nothing is left at the top of the form");
        Assert.That(MerchantForms.Options(html, "Timeline-AdvocateNews-IdealClientName").Last(), Is.EqualTo(("Busy parents", "Busy parents (removed)", true)));

        var again = MerchantForms.Fields(html);
        again[NewsPicker] = "New home owners";
        var fixedResponse = await PostAsync(html, again);

        Assert.That(fixedResponse.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await fixedResponse.Content.ReadAsStringAsync());
        var settings = (await _bridge.TenantAsync())!.Settings;
        Assert.That((settings.IdealClients.Single().Name, settings.Timeline.AdvocateNews.IdealClientName), Is.EqualTo(("New home owners", "New home owners")));
    }

    private static void Clear(Dictionary<string, string> fields, int row)
    {
        foreach (var part in new[] { "Name", "Who", "Situation", "Benefit" })
        {
            fields[$"IdealClients:{row}:{part}"] = "";
        }
    }

    private async Task NameOnStepsAsync(string? purchase = null, string? cadence = null)
    {
        var tenant = (await _bridge.TenantAsync())!;
        tenant.Settings.Timeline.Purchase.IdealClientName = purchase;
        tenant.Settings.Timeline.Cadence.IdealClientName = cadence;
        await using var db = _bridge.Database.CreateDbContext();
        db.Tenants.Update(tenant);
        await db.SaveChangesAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string html, Dictionary<string, string> fields)
    {
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = ConnectBridge.AntiforgeryToken(html) };
        using var content = new FormUrlEncodedContent(body);
        return await _bridge.Client.PostAsync(Settings, content);
    }
}
