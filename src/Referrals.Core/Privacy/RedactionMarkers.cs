namespace Referrals.Core.Privacy;

/// <summary>What erased values are replaced with, where a column cannot simply be emptied.</summary>
public static class RedactionMarkers
{
    /// <summary>Replaces free text (notes, errors, audit details) that named an erased person.</summary>
    public const string Text = "[redacted]";

    /// <summary>
    /// The last error of an inbox or outbox row that was still waiting when its person was erased: the row is settled
    /// (marked processed, its body emptied) instead of being handled, so it can neither fail on an empty body nor
    /// bring the erased data back.
    /// </summary>
    public const string SettledUnhandled = "Erased by a privacy request before it was handled; not applied.";

    /// <summary>The body an outbox row keeps after erasure (outbox bodies are JSON).</summary>
    public const string EmptyJson = "{}";
}
