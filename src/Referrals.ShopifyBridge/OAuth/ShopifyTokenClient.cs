using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Referrals.ShopifyBridge.AdminApi;
using Referrals.ShopifyBridge.Configuration;

namespace Referrals.ShopifyBridge.OAuth;

/// <summary>
/// Shopify's token endpoint, <c>POST https://{shop}/admin/oauth/access_token</c>: exchanges an authorization code for an
/// expiring offline token, and refreshes it (refresh tokens rotate). Requests go to
/// <see cref="ShopifyAdminApiOptions.BaseAddress"/> instead of the shop when that is set (a local stand-in), with the
/// shop in the <c>Host</c> header, like the Admin API client. Neither tokens nor the secret are ever logged.
/// </summary>
internal sealed class ShopifyTokenClient
{
    /// <summary>The name of the <see cref="HttpClient"/> used.</summary>
    public const string HttpClientName = "Referrals.ShopifyOAuth";

    /// <summary>The token endpoint's path.</summary>
    public const string TokenPath = "/admin/oauth/access_token";

    private readonly IHttpClientFactory _http;
    private readonly IOptions<ShopifyOptions> _shopify;
    private readonly IOptions<ShopifyAdminApiOptions> _admin;
    private readonly TimeProvider _clock;

    public ShopifyTokenClient(IHttpClientFactory http, IOptions<ShopifyOptions> shopify, IOptions<ShopifyAdminApiOptions> admin, TimeProvider clock)
    {
        _http = http;
        _shopify = shopify;
        _admin = admin;
        _clock = clock;
    }

    /// <summary>Exchanges <paramref name="code"/> for an expiring offline token.</summary>
    /// <exception cref="ShopifyInvalidGrantException">The code is spent or unknown.</exception>
    /// <exception cref="ShopifyTokenEndpointException">Any other failure.</exception>
    public Task<ShopifyTokenResponse> ExchangeCodeAsync(string shop, string code, CancellationToken cancellationToken) =>
        PostAsync(shop, new JsonObject { ["code"] = code, ["expiring"] = "1" }, cancellationToken);

    /// <summary>Trades <paramref name="refreshToken"/> for a new access token and a new refresh token.</summary>
    /// <exception cref="ShopifyInvalidGrantException">The refresh token is spent, expired or revoked.</exception>
    /// <exception cref="ShopifyTokenEndpointException">Any other failure.</exception>
    public Task<ShopifyTokenResponse> RefreshAsync(string shop, string refreshToken, CancellationToken cancellationToken) =>
        PostAsync(shop, new JsonObject { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    private async Task<ShopifyTokenResponse> PostAsync(string shop, JsonObject body, CancellationToken cancellationToken)
    {
        var options = _shopify.Value;
        if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
        {
            throw new ShopifyTokenEndpointException(shop, $"{ShopifyOptions.Path}:ClientId and ClientSecret must be set to obtain or refresh tokens.");
        }

        body["client_id"] = options.ClientId;
        body["client_secret"] = options.ClientSecret;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_admin.Value.BaseAddress ?? new Uri("https://" + shop), TokenPath))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Host = shop;
        request.Headers.Accept.ParseAdd("application/json");
        var sentAt = _clock.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await _http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ShopifyTokenEndpointException(shop, $"Shopify's token endpoint for {shop} could not be reached ({ex.HttpRequestError}).", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement json;
            try
            {
                using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
                json = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new ShopifyTokenEndpointException(shop, $"Shopify's token endpoint for {shop} answered {(int)response.StatusCode} with a body that is not JSON.", ex);
            }

            var error = json.ValueKind == JsonValueKind.Object ? json.GetString("error") : null;
            if (string.Equals(error, "invalid_grant", StringComparison.Ordinal))
            {
                throw new ShopifyInvalidGrantException(shop, $"Shopify refused the grant for {shop} (invalid_grant): the store must authorise the app again.");
            }

            if (response.StatusCode != HttpStatusCode.OK || json.ValueKind != JsonValueKind.Object || json.GetString("access_token") is not { Length: > 0 } accessToken)
            {
                throw new ShopifyTokenEndpointException(shop, $"Shopify's token endpoint for {shop} answered {(int)response.StatusCode}{(error is null ? "" : " (" + error + ")")} without a token.");
            }

            return new ShopifyTokenResponse(
                accessToken,
                json.GetString("scope") ?? string.Empty,
                Seconds(json, "expires_in") is { } expiresIn ? sentAt.AddSeconds(expiresIn) : null,
                json.GetString("refresh_token"),
                Seconds(json, "refresh_token_expires_in") is { } refreshIn ? sentAt.AddSeconds(refreshIn) : null);
        }
    }

    // Measured from when the request was sent, so a slow answer errs towards refreshing early.
    private static long? Seconds(JsonElement json, string name) =>
        json.Get(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var seconds) && seconds > 0 ? seconds : null;
}
