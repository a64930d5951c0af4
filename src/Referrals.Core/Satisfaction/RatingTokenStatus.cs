namespace Referrals.Core.Satisfaction;

/// <summary>The outcome of checking a rating token.</summary>
public enum RatingTokenStatus
{
    /// <summary>Made with one of our keys, unchanged and not expired. Single use is still the caller's job.</summary>
    Valid = 0,

    /// <summary>Well-formed but the signature matches none of our keys: changed, forged, or signed with a retired key.</summary>
    Tampered,

    /// <summary>Signed by us and unchanged, but the verification time is at or after its expiry.</summary>
    Expired,

    /// <summary>Not a rating token at all: empty, too long, wrong number of parts, not base64url, or the wrong size.</summary>
    Malformed,
}
