namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>A failure the fake Admin API can inject, with <see cref="FakeShopifyAdminApi.FailNext"/> or <see cref="FakeShopifyAdminApi.FailRandomly"/>.</summary>
public enum FakeFault
{
    /// <summary>HTTP 200 with <c>errors[].extensions.code = "THROTTLED"</c>; the shop's bucket is emptied first, so <c>throttleStatus</c> says how long to wait. Not applied.</summary>
    Throttled,

    /// <summary>HTTP 429 with <c>Retry-After</c> (<see cref="FakeAdminApiOptions.RetryAfter"/>). Not applied.</summary>
    Http429,

    /// <summary>HTTP 500. Not applied.</summary>
    Http500,

    /// <summary>HTTP 502. Not applied.</summary>
    Http502,

    /// <summary>HTTP 503. Not applied.</summary>
    Http503,

    /// <summary>No answer until the client gives up (or <see cref="FakeAdminApiOptions.HangLimit"/> passes). Not applied.</summary>
    Hang,

    /// <summary>The operation's <c>userErrors</c> (code <c>INJECTED</c>) in HTTP 200. Not applied.</summary>
    UserErrors,

    /// <summary>HTTP 403, as for a request the app has no access to. Not applied.</summary>
    Http403,

    /// <summary>HTTP 401, whatever the token. Not applied.</summary>
    Unauthorized,

    /// <summary>HTTP 200 with a top-level GraphQL error <c>ACCESS_DENIED</c>. Not applied.</summary>
    GraphQLError,

    /// <summary>Applied, then answered with HTTP 502: the client cannot know it worked (a lost answer).</summary>
    Http502AfterApplying,

    /// <summary>Applied, then no answer: the client times out although it worked.</summary>
    HangAfterApplying,
}
