using Microsoft.AspNetCore.Mvc;
using Referrals.Core.Asks;
using Referrals.Core.Engine;
using Referrals.Core.Persistence;
using Referrals.Core.Tenants;
using Referrals.Umbraco.Api.Infrastructure;
using Referrals.Umbraco.Hosting;

namespace Referrals.Umbraco.Api;

/// <summary>The program settings of the site, and the parts the ask editor edits on their own.</summary>
[Route(RoutePrefix)]
internal sealed class SettingsController : ReferralsApiController
{
    private readonly ReferralsDbContext _db;
    private readonly SiteTenant _site;

    public SettingsController(ReferralsDbContext db, SiteTenant site)
    {
        _db = db;
        _site = site;
    }

    /// <summary>The program settings.</summary>
    [HttpGet("settings")]
    [ProducesResponseType<ProgramSettings>(StatusCodes.Status200OK)]
    public async Task<ActionResult<ProgramSettings>> Get(CancellationToken cancellationToken) => (await _site.GetAsync(_db, cancellationToken)).Settings;

    /// <summary>Replaces the program settings; invalid settings give a validation problem keyed by configuration key.</summary>
    [HttpPut("settings")]
    [ProducesResponseType<ProgramSettings>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ProgramSettings>> Put([FromReferralsBody] ProgramSettings settings, CancellationToken cancellationToken)
    {
        var tenant = await _site.GetAsync(_db, cancellationToken);
        return await SaveAsync(tenant, settings, s => s, cancellationToken);
    }

    /// <summary>The ask timeline.</summary>
    [HttpGet("asks/timeline")]
    [ProducesResponseType<AskTimeline>(StatusCodes.Status200OK)]
    public async Task<ActionResult<AskTimeline>> GetTimeline(CancellationToken cancellationToken) => (await _site.GetAsync(_db, cancellationToken)).Settings.Timeline;

    /// <summary>Replaces the ask timeline.</summary>
    [HttpPut("asks/timeline")]
    [ProducesResponseType<AskTimeline>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<AskTimeline>> PutTimeline([FromReferralsBody] AskTimeline timeline, CancellationToken cancellationToken)
    {
        var tenant = await _site.GetAsync(_db, cancellationToken);
        var settings = Copy(tenant.Settings);
        settings.Timeline = timeline;
        return await SaveAsync(tenant, settings, s => s.Timeline, cancellationToken);
    }

    /// <summary>The ask templates.</summary>
    [HttpGet("asks/templates")]
    [ProducesResponseType<AskTemplateSet>(StatusCodes.Status200OK)]
    public async Task<ActionResult<AskTemplateSet>> GetTemplates(CancellationToken cancellationToken) => (await _site.GetAsync(_db, cancellationToken)).Settings.Templates;

    /// <summary>Replaces the ask templates.</summary>
    [HttpPut("asks/templates")]
    [ProducesResponseType<AskTemplateSet>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<AskTemplateSet>> PutTemplates([FromReferralsBody] AskTemplateSet templates, CancellationToken cancellationToken)
    {
        var tenant = await _site.GetAsync(_db, cancellationToken);
        var settings = Copy(tenant.Settings);
        settings.Templates = templates;
        return await SaveAsync(tenant, settings, s => s.Templates, cancellationToken);
    }

    private async Task<ActionResult<T>> SaveAsync<T>(Tenant tenant, ProgramSettings settings, Func<ProgramSettings, T> part, CancellationToken cancellationToken)
    {
        var problems = ProgramSettingsValidator.Validate(settings);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Key, problem.Message);
            }

            return ValidationProblem(ModelState);
        }

        await TenantDirectory.UpdateSettingsAsync(_db, tenant, settings, cancellationToken);
        return part(tenant.Settings);
    }

    // A round trip through the API's JSON: the stored object is never half-changed when validation fails.
    private static ProgramSettings Copy(ProgramSettings settings) =>
        System.Text.Json.JsonSerializer.Deserialize<ProgramSettings>(System.Text.Json.JsonSerializer.Serialize(settings, ReferralsJson.Options), ReferralsJson.Options)!;
}
