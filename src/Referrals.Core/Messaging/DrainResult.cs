namespace Referrals.Core.Messaging;

/// <summary>What one drain pass did.</summary>
/// <param name="Claimed">Messages claimed.</param>
/// <param name="Succeeded">Handled and marked processed.</param>
/// <param name="Retrying">Failed and scheduled again.</param>
/// <param name="DeadLettered">Given up on, with the error kept.</param>
public sealed record DrainResult(int Claimed, int Succeeded, int Retrying, int DeadLettered)
{
    /// <summary>Nothing was claimed.</summary>
    public static DrainResult Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Adds two passes.</summary>
    public DrainResult Plus(DrainResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Claimed + other.Claimed, Succeeded + other.Succeeded, Retrying + other.Retrying, DeadLettered + other.DeadLettered);
    }
}
