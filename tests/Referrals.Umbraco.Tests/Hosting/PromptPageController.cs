using Microsoft.AspNetCore.Mvc;

namespace Referrals.Umbraco.Tests.Hosting;

/// <summary>A page of the test site that drops the package's prompt into a template, as an editor would.</summary>
public sealed class PromptPageController : Controller
{
    [HttpGet("/test/prompt")]
    public IActionResult Get(string? heading) => ViewComponent("ReferralPrompt", new { heading });
}
