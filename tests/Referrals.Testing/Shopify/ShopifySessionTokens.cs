using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.Testing.Shopify;

/// <summary>Makes session tokens (HS256 JWTs) shaped like those Shopify gives checkout UI extensions.</summary>
public static class ShopifySessionTokens
{
    /// <summary>The claims of a checkout token for <paramref name="shop"/>, issued at <paramref name="now"/> for five minutes.</summary>
    public static JsonObject Claims(string shop, string clientId, DateTimeOffset now, string? customerId = null)
    {
        var claims = new JsonObject
        {
            ["iss"] = $"https://{shop}/admin",
            ["dest"] = $"https://{shop}",
            ["aud"] = clientId,
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["sid"] = "session-1",
        };
        if (customerId is not null)
        {
            claims["sub"] = customerId;
        }

        return claims;
    }

    /// <summary>The compact token for <paramref name="claims"/>, signed with <paramref name="secret"/> (the header says <paramref name="algorithm"/>).</summary>
    public static string Sign(JsonObject claims, string secret, string algorithm = "HS256")
    {
        ArgumentNullException.ThrowIfNull(claims);
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { alg = algorithm, typ = "JWT" })));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload));
        return $"{header}.{payload}.{Base64Url.EncodeToString(signature)}";
    }
}
