namespace Referrals.Core.Codes;

/// <summary>
/// Thrown by <see cref="ReferralCodeAllocator"/> when every code it tried was already taken. With sane
/// options this points at a broken uniqueness check (one that always answers "taken") rather than bad luck.
/// </summary>
public sealed class ReferralCodeExhaustedException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ReferralCodeExhaustedException()
        : base("No free referral code was found.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ReferralCodeExhaustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ReferralCodeExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an allocation that made <paramref name="attempts"/> tries.</summary>
    /// <param name="attempts">How many codes were tried.</param>
    /// <param name="maxRandomLength">The longest random part tried.</param>
    public ReferralCodeExhaustedException(int attempts, int maxRandomLength)
        : base($"No free referral code was found after {attempts} attempts with random parts up to {maxRandomLength} symbols. "
            + "Check that the uniqueness check answers correctly, or raise Referrals:Codes:MaxRandomLength.")
    {
        Attempts = attempts;
    }

    /// <summary>How many codes were tried, or 0 when not known.</summary>
    public int Attempts { get; }
}
