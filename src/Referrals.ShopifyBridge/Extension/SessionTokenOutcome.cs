namespace Referrals.ShopifyBridge.Extension;

/// <summary>What <see cref="SessionTokenVerifier"/> made of a bearer token.</summary>
public enum SessionTokenOutcome
{
    /// <summary>Signed with the client secret, current, for this app and a shop.</summary>
    Valid = 0,

    /// <summary>Not three base64url parts of JSON, or a required claim is missing or of the wrong type.</summary>
    Malformed = 1,

    /// <summary>The header names an algorithm other than HS256 (including <c>none</c>).</summary>
    WrongAlgorithm = 2,

    /// <summary>No secret's signature matches.</summary>
    BadSignature = 3,

    /// <summary>Past <c>exp</c> (beyond the leeway).</summary>
    Expired = 4,

    /// <summary>Before <c>nbf</c> (beyond the leeway).</summary>
    NotYetValid = 5,

    /// <summary><c>aud</c> is not the app's client id.</summary>
    WrongAudience = 6,

    /// <summary><c>dest</c> is not an https shop domain, or <c>iss</c> names another shop.</summary>
    BadShop = 7,
}
