using System.Text.Json;

namespace Referrals.Core.Privacy;

/// <summary>A stored incoming event (webhook) or outgoing effect that concerns the contact.</summary>
public sealed record ExportedMessage
{
    /// <summary><c>inbox</c> or <c>outbox</c>.</summary>
    public required string Direction { get; init; }

    /// <summary>Inbox: the source and topic (<c>shopify orders/paid</c>); outbox: the kind.</summary>
    public required string Type { get; init; }

    /// <summary>Received (inbox) or created (outbox).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Handled.</summary>
    public DateTimeOffset? ProcessedAt { get; init; }

    /// <summary>The body as JSON, or null when it is empty or not JSON (see <see cref="PayloadText"/>).</summary>
    public JsonElement? Payload { get; init; }

    /// <summary>The body as text when it is not JSON.</summary>
    public string? PayloadText { get; init; }
}
