using Referrals.Core.Thanks;

namespace Referrals.Umbraco.Api.Models;

/// <summary>A task for a person at the business (<c>GET /thank-you-tasks</c>).</summary>
/// <param name="Id">The task id.</param>
/// <param name="Kind">What to do.</param>
/// <param name="State">Open, Done or Cancelled.</param>
/// <param name="ContactId">The contact the task is about.</param>
/// <param name="ContactName">Their display name.</param>
/// <param name="FriendName">The referred friend's name when a referral caused the task.</param>
/// <param name="ReferralId">The referral that caused the task, if any.</param>
/// <param name="SuggestedMessage">The suggested words.</param>
/// <param name="Address">The postal address snapshot, one line per row.</param>
/// <param name="Link">The advocate's referral link snapshot.</param>
/// <param name="DueAt">When it should be done.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="DoneBy">Who marked it done.</param>
/// <param name="DoneAt">When it was marked done.</param>
/// <param name="CancelledAt">When it was cancelled.</param>
public sealed record ThankYouTaskModel(
    Guid Id, StaffTaskKind Kind, StaffTaskState State, Guid ContactId, string ContactName, string? FriendName, Guid? ReferralId,
    string SuggestedMessage, string? Address, string? Link, DateTimeOffset DueAt, DateTimeOffset CreatedAt, string? DoneBy,
    DateTimeOffset? DoneAt, DateTimeOffset? CancelledAt);

/// <summary>Body of <c>POST /thank-you-tasks/{id}/cancel</c>.</summary>
public sealed class CancelTaskRequest
{
    /// <summary>Why the task will not be done (3 to 500 characters).</summary>
    public string? Reason { get; set; }
}

/// <summary>Body of <c>POST /thank-you-tasks/print</c>.</summary>
public sealed class PrintCardsRequest
{
    /// <summary>The card tasks to print, in order.</summary>
    public IReadOnlyList<Guid>? Ids { get; set; }
}

/// <summary>A connected store (<c>GET /stores</c>).</summary>
/// <param name="Id">The tenant id.</param>
/// <param name="ShopDomain">The shop's myshopify domain.</param>
/// <param name="Name">The shop's display name.</param>
/// <param name="State">Active or Uninstalled.</param>
/// <param name="ConnectedAt">When the app was installed.</param>
/// <param name="UninstalledAt">When it was uninstalled, if it was.</param>
public sealed record StoreModel(Guid Id, string ShopDomain, string Name, Core.Tenants.TenantState State, DateTimeOffset ConnectedAt, DateTimeOffset? UninstalledAt);
