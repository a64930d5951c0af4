namespace Referrals.ShopifyBridge.Extension;

/// <summary>
/// The RFC 7807 answers of the thank-you extension's endpoint when its session token is refused: each says what was
/// wrong with the token, never the token, its claims' values or a secret.
/// </summary>
internal static class SessionTokenProblems
{
    /// <summary>401 when no <c>Authorization: Bearer</c> header was sent.</summary>
    public static IResult Missing() => Problem(
        "Session token missing",
        "Send the session token of the checkout extension as 'Authorization: Bearer <token>' (shopify.sessionToken.get()).");

    /// <summary>401 for a token the verifier refused.</summary>
    public static IResult Refused(SessionTokenOutcome outcome) => outcome switch
    {
        SessionTokenOutcome.Expired => Problem(
            "Session token expired", "The session token expired. Session tokens live one minute: get a fresh one for every request."),
        SessionTokenOutcome.NotYetValid => Problem(
            "Session token not valid yet", "The session token's nbf is in the future: check the server clock."),
        SessionTokenOutcome.WrongAudience => Problem(
            "Wrong audience", "The session token has the wrong audience: its aud is not this app's client id (Referrals:Shopify:ClientId)."),
        SessionTokenOutcome.WrongAlgorithm => Problem(
            "Session token algorithm refused", "The session token must be signed with HS256; no other algorithm (nor 'none') is accepted."),
        SessionTokenOutcome.BadSignature => Problem(
            "Session token signature mismatch", "The session token's signature does not match: it was altered or signed with another app's secret (Referrals:Shopify:ClientSecret)."),
        SessionTokenOutcome.BadShop => Problem(
            "Session token names no valid shop", "The session token's dest is not an https {handle}.myshopify.com address, or its iss names another shop."),
        _ => Problem(
            "Session token malformed", "The session token is not a JWT of three base64url parts of JSON with a numeric exp."),
    };

    /// <summary>401 for a valid token of a shop that is not connected (or not active).</summary>
    public static IResult ShopNotConnected() => Problem(
        "Shop not connected", "The shop of the session token is not connected to the referral program. Install the app on the shop first.");

    private static IResult Problem(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);
}
