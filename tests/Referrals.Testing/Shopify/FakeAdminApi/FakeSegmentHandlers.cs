using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>
/// The fake's <c>segmentCreate</c> and <c>segments</c>. Only definitions comparing <c>number_of_orders</c> with a whole
/// number are understood (see <c>Includes</c>); others are refused as Shopify refuses a bad query.
/// Names are unique per shop, as in Shopify.
/// </summary>
internal static partial class FakeSegmentHandlers
{
    public static JsonObject SegmentCreate(FakeShop shop, JsonElement variables)
    {
        const string Field = "segmentCreate";
        var name = variables.Str("name");
        var query = variables.Str("query");
        JsonObject? error = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            error = FakeJson.UserError("Name can't be blank", null, "name");
        }
        else if (shop.SegmentList.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            error = FakeJson.UserError("Name has already been taken", null, "name");
        }
        else if (string.IsNullOrWhiteSpace(query) || !OrdersCondition().IsMatch(query))
        {
            error = FakeJson.UserError($"Query '{query}' is invalid", null, "query");
        }

        if (error is not null)
        {
            return new JsonObject { [Field] = FakeJson.Refused("segment", error) };
        }

        var segment = new FakeSegment(shop.NewId("Segment"), name!.Trim(), query!.Trim());
        shop.SegmentList.Add(segment);
        return new JsonObject { [Field] = new JsonObject { ["segment"] = Node(segment), ["userErrors"] = new JsonArray() } };
    }

    public static JsonObject Segments(FakeShop shop, JsonElement variables)
    {
        var first = variables.Prop("first") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : 50;
        return new JsonObject
        {
            ["segments"] = new JsonObject { ["nodes"] = new JsonArray([.. shop.SegmentList.Take(first).Select(s => (JsonNode)Node(s))]) },
        };
    }

    /// <summary>Whether a customer with <paramref name="orders"/> orders is a member of a segment defined by <paramref name="query"/>.</summary>
    internal static bool Includes(string query, long orders)
    {
        var match = OrdersCondition().Match(query);
        if (!match.Success)
        {
            return false;
        }

        var value = long.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        return match.Groups["op"].Value switch
        {
            "=" => orders == value,
            "!=" => orders != value,
            ">" => orders > value,
            ">=" => orders >= value,
            "<" => orders < value,
            _ => orders <= value,
        };
    }

    private static JsonObject Node(FakeSegment segment) => new() { ["id"] = segment.Id, ["name"] = segment.Name, ["query"] = segment.Query };

    [GeneratedRegex(@"^\s*number_of_orders\s*(?<op>=|!=|>=|<=|>|<)\s*(?<value>\d{1,9})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OrdersCondition();
}
