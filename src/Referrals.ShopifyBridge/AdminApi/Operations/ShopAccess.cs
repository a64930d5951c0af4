using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.ShopifyBridge.AdminApi.Operations;

/// <summary>
/// Which shop a token belongs to and which access scopes it carries (<c>shop</c> and
/// <c>currentAppInstallation.accessScopes</c>). Needs no scope; used to check a token before storing it.
/// </summary>
public sealed record ShopAccess : IShopifyOperation<ShopAccessResult>
{
    /// <summary>The GraphQL document.</summary>
    public const string Document = """
        query ShopAccess {
          shop { name myshopifyDomain }
          currentAppInstallation { accessScopes { handle } }
        }
        """;

    string IShopifyOperation<ShopAccessResult>.OperationName => "ShopAccess";

    string IShopifyOperation<ShopAccessResult>.Document => Document;

    string? IShopifyOperation<ShopAccessResult>.MutationField => null;

    bool IShopifyOperation<ShopAccessResult>.IsIdempotent => true;

    JsonObject IShopifyOperation<ShopAccessResult>.BuildVariables(ShopifyOperationContext context) => [];

    ShopAccessResult IShopifyOperation<ShopAccessResult>.ReadResult(JsonElement data)
    {
        var shop = data.Required("shop");
        var scopes = data.Required("currentAppInstallation").Required("accessScopes").EnumerateArray().Select(s => s.RequiredString("handle")).ToArray();
        return new ShopAccessResult(shop.RequiredString("name"), shop.RequiredString("myshopifyDomain"), scopes);
    }
}

/// <summary>The shop and the scopes its token carries.</summary>
/// <param name="Name">The shop's name.</param>
/// <param name="MyshopifyDomain">Its permanent <c>*.myshopify.com</c> domain.</param>
/// <param name="AccessScopes">The scope handles granted, for example <c>write_customers</c>.</param>
public sealed record ShopAccessResult(string Name, string MyshopifyDomain, IReadOnlyList<string> AccessScopes);
