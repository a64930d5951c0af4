using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>
/// The fake's token endpoint, <c>POST /admin/oauth/access_token</c> (JSON): the authorization-code grant (an expiring
/// offline token when <c>expiring=1</c>) and the refresh grant, with rotating refresh tokens. Issuing a token makes it the
/// shop's only accepted Admin API token (older ones get 401) and sets the shop's access scopes.
/// </summary>
public sealed class FakeOAuth
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Shop, string Scopes)> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShopTokens> _tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<FakeTokenGrant> _grants = new();
    private readonly FakeShopifyAdminApi _api;

    internal FakeOAuth(FakeShopifyAdminApi api)
    {
        _api = api;
    }

    /// <summary>The app's client id the endpoint accepts.</summary>
    public string ClientId { get; set; } = "fake-client-id";

    /// <summary>The app's client secret the endpoint accepts.</summary>
    public string ClientSecret { get; set; } = "fake-client-secret";

    /// <summary>The life of an expiring access token (<c>expires_in</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The life of a refresh token (<c>refresh_token_expires_in</c>).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Every call of the token endpoint, oldest first.</summary>
    public IReadOnlyList<FakeTokenGrant> Grants => [.. _grants];

    /// <summary>What the merchant's approval on Shopify's consent page yields: a one-time code granting <paramref name="scopes"/>.</summary>
    public string IssueCode(string shop, string scopes)
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_lock)
        {
            _codes[code] = (shop.ToLowerInvariant(), scopes);
        }

        return code;
    }

    /// <summary>The shop's current refresh token, if an expiring token was issued.</summary>
    public string? RefreshTokenOf(string shop)
    {
        lock (_lock)
        {
            return _tokens.TryGetValue(shop, out var t) ? t.Refresh : null;
        }
    }

    /// <summary>The shop's current access token, if one was issued.</summary>
    public string? AccessTokenOf(string shop)
    {
        lock (_lock)
        {
            return _tokens.TryGetValue(shop, out var t) ? t.Access : null;
        }
    }

    /// <summary>Makes every refresh of <paramref name="shop"/> answer <c>invalid_grant</c> (as after an uninstall or revocation).</summary>
    public void RevokeRefreshTokens(string shop)
    {
        lock (_lock)
        {
            if (_tokens.TryGetValue(shop, out var t))
            {
                _tokens[shop] = t with { Revoked = true };
            }
        }
    }

    internal (int Status, JsonObject Body) Handle(string shop, JsonElement body, DateTimeOffset now)
    {
        var grantType = body.Str("grant_type") ?? "authorization_code";
        var (status, answer) = Answer(shop, grantType, body, now);
        _grants.Enqueue(new FakeTokenGrant(shop, grantType, status, now));
        return (status, answer);
    }

    private (int, JsonObject) Answer(string shop, string grantType, JsonElement body, DateTimeOffset now)
    {
        if (body.Str("client_id") != ClientId || body.Str("client_secret") != ClientSecret)
        {
            return (400, Error("invalid_client"));
        }

        lock (_lock)
        {
            if (grantType == "refresh_token")
            {
                var given = body.Str("refresh_token");
                if (!_tokens.TryGetValue(shop, out var current) || current.Revoked || given is null
                    || (given != current.Refresh && (given != current.PreviousRefresh || current.RefreshUsed)))
                {
                    return (400, Error("invalid_grant"));
                }

                return (200, Issue(shop, current.Scopes, expiring: true, previousRefresh: current.Refresh));
            }

            var code = body.Str("code");
            if (code is null || !_codes.Remove(code, out var grant) || grant.Shop != shop)
            {
                return (400, Error("invalid_grant"));
            }

            return (200, Issue(shop, grant.Scopes, body.Str("expiring") == "1", previousRefresh: null));
        }
    }

    // Called under the lock.
    private JsonObject Issue(string shop, string scopes, bool expiring, string? previousRefresh)
    {
        var access = "shpat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var refresh = expiring ? "shprt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : null;
        _tokens[shop] = new ShopTokens(access, refresh, previousRefresh, scopes, RefreshUsed: false, Revoked: false);
        _api.RequireToken(shop, access);
        _api.Shop(shop).AccessScopes = scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var answer = new JsonObject { ["access_token"] = access, ["scope"] = scopes };
        if (expiring)
        {
            answer["expires_in"] = (long)AccessTokenLifetime.TotalSeconds;
            answer["refresh_token"] = refresh;
            answer["refresh_token_expires_in"] = (long)RefreshTokenLifetime.TotalSeconds;
        }

        return answer;
    }

    private static JsonObject Error(string code) => new()
    {
        ["error"] = code,
        ["error_description"] = string.Create(CultureInfo.InvariantCulture, $"fake token endpoint: {code}"),
    };

    private sealed record ShopTokens(string Access, string? Refresh, string? PreviousRefresh, string Scopes, bool RefreshUsed, bool Revoked);
}

/// <summary>One call of the fake token endpoint.</summary>
/// <param name="Shop">The shop (from the <c>Host</c> header).</param>
/// <param name="GrantType"><c>authorization_code</c> or <c>refresh_token</c>.</param>
/// <param name="StatusCode">The status answered.</param>
/// <param name="ReceivedAt">When, by the fake's clock.</param>
public sealed record FakeTokenGrant(string Shop, string GrantType, int StatusCode, DateTimeOffset ReceivedAt);
