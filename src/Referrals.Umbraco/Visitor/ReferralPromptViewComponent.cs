using Microsoft.AspNetCore.Mvc;

namespace Referrals.Umbraco.Visitor;

/// <summary>
/// The refer-a-friend prompt editors drop into a template: <c>@await Component.InvokeAsync("ReferralPrompt")</c>, or
/// with a heading <c>@await Component.InvokeAsync("ReferralPrompt", new { heading = "Who do you know who…?" })</c>.
/// Renders a form (with antiforgery token and the friend's-permission checkbox) that posts to
/// <c>/referrals/refer-a-friend</c>.
/// </summary>
[ViewComponent(Name = "ReferralPrompt")]
public sealed class ReferralPromptViewComponent : ViewComponent
{
    /// <summary>The default heading: an open question, as the ask script wants.</summary>
    public const string DefaultHeading = "Who do you know who would enjoy this too?";

    /// <summary>Renders the prompt.</summary>
    /// <param name="heading">The heading; default <see cref="DefaultHeading"/>.</param>
    public IViewComponentResult Invoke(string? heading = null) =>
        View(new ReferralPromptModel(string.IsNullOrWhiteSpace(heading) ? DefaultHeading : heading, ReferAFriendController.Route));
}
