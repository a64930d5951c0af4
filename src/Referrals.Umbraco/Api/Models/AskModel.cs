using Referrals.Core.Asks;

namespace Referrals.Umbraco.Api.Models;

/// <summary>An ask (<c>AskItem</c> in docs/umbraco-api.md).</summary>
public sealed record AskModel(
    Guid Id, Guid ContactId, string? ContactName, string? ContactEmail, AskTrigger Trigger, AskChannel Channel, AskState State,
    AskSkipReason? SkipReason, DateTimeOffset DueAt, DateTimeOffset? SentAt, DateTimeOffset? AnsweredAt, DateTimeOffset? ClosedAt,
    int? Score, DateTimeOffset CreatedAt);
