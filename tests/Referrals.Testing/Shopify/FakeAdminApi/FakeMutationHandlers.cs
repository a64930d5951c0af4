using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>The fake's <c>discountCodeBasicCreate</c>, <c>discountCodeFreeShippingCreate</c>, <c>tagsAdd</c>, <c>metafieldsSet</c> and <c>webhookSubscriptionCreate</c>.</summary>
internal static class FakeMutationHandlers
{
    public static JsonObject DiscountCodeBasicCreate(FakeShop shop, JsonElement variables)
    {
        const string Field = "discountCodeBasicCreate";
        var input = variables.Prop("basicCodeDiscount") ?? default;
        var code = input.Str("code");
        var title = input.Str("title");
        var startsAt = input.Date("startsAt");
        var endsAt = input.Date("endsAt");
        var value = (input.Prop("customerGets") ?? default).Prop("value") ?? default;
        var percentage = value.Dec("percentage");
        var amount = (value.Prop("discountAmount") ?? default).Dec("amount");
        var customers = ((input.Prop("context") ?? default).Prop("customers") ?? default).Strings("add");
        var segments = ((input.Prop("context") ?? default).Prop("customerSegments") ?? default).Strings("add");

        JsonObject? error = null;
        if (string.IsNullOrWhiteSpace(code))
        {
            error = FakeJson.UserError("Code can't be blank", "BLANK", "basicCodeDiscount", "code");
        }
        else if (shop.Discounts.Any(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            error = FakeJson.UserError("Code must be unique. Please try a different code.", "TAKEN", "basicCodeDiscount", "code");
        }
        else if (string.IsNullOrWhiteSpace(title))
        {
            error = FakeJson.UserError("Title can't be blank", "BLANK", "basicCodeDiscount", "title");
        }
        else if (startsAt is null)
        {
            error = FakeJson.UserError("Starts at can't be blank", "BLANK", "basicCodeDiscount", "startsAt");
        }
        else if (endsAt is { } end && end <= startsAt)
        {
            error = FakeJson.UserError("Ends at needs to be after starts_at", "INVALID", "basicCodeDiscount", "endsAt");
        }
        else if (!(percentage is > 0m and <= 1m) && !(amount is > 0m))
        {
            error = FakeJson.UserError("Value must be a percentage between 0 and 1 or a positive amount", "VALUE_OUTSIDE_RANGE", "basicCodeDiscount", "customerGets", "value");
        }
        else if (customers.FirstOrDefault(c => shop.Customer(c) is null) is { } unknown)
        {
            error = FakeJson.UserError($"Customer {unknown} does not exist", "INVALID", "basicCodeDiscount", "context", "customers", "add");
        }
        else if (segments.FirstOrDefault(s => shop.SegmentList.All(x => x.Id != s)) is { } unknownSegment)
        {
            error = FakeJson.UserError($"Segment {unknownSegment} does not exist", "INVALID", "basicCodeDiscount", "context", "customerSegments", "add");
        }

        if (error is not null)
        {
            return new JsonObject { [Field] = FakeJson.Refused("codeDiscountNode", error) };
        }

        var usageLimit = input.Prop("usageLimit") is { ValueKind: JsonValueKind.Number } limit ? limit.GetInt32() : (int?)null;
        var discount = new FakeDiscountCode(
            shop.NewId("DiscountCodeNode"), code!, title!, percentage, percentage is null ? amount : null, customers, usageLimit,
            input.Prop("appliesOncePerCustomer") is { ValueKind: JsonValueKind.True }, startsAt!.Value, endsAt, CustomerSegmentIds: segments);
        shop.Discounts.Add(discount);
        return new JsonObject
        {
            [Field] = new JsonObject
            {
                ["codeDiscountNode"] = new JsonObject
                {
                    ["id"] = discount.Id,
                    ["codeDiscount"] = new JsonObject
                    {
                        ["__typename"] = "DiscountCodeBasic",
                        ["title"] = discount.Title,
                        ["startsAt"] = FakeJson.Time(discount.StartsAt),
                        ["endsAt"] = FakeJson.Time(discount.EndsAt),
                        ["usageLimit"] = discount.UsageLimit,
                        ["appliesOncePerCustomer"] = discount.AppliesOncePerCustomer,
                        ["codes"] = new JsonObject { ["nodes"] = new JsonArray(new JsonObject { ["code"] = discount.Code }) },
                    },
                },
                ["userErrors"] = new JsonArray(),
            },
        };
    }

    public static JsonObject DiscountCodeFreeShippingCreate(FakeShop shop, JsonElement variables)
    {
        const string Field = "discountCodeFreeShippingCreate";
        var input = variables.Prop("freeShippingCodeDiscount") ?? default;
        var code = input.Str("code");
        var title = input.Str("title");
        var startsAt = input.Date("startsAt");
        var freeSegments = ((input.Prop("context") ?? default).Prop("customerSegments") ?? default).Strings("add");
        JsonObject? error = null;
        if (string.IsNullOrWhiteSpace(code))
        {
            error = FakeJson.UserError("Code can't be blank", "BLANK", "freeShippingCodeDiscount", "code");
        }
        else if (shop.Discounts.Any(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            error = FakeJson.UserError("Code must be unique. Please try a different code.", "TAKEN", "freeShippingCodeDiscount", "code");
        }
        else if (string.IsNullOrWhiteSpace(title) || startsAt is null)
        {
            error = FakeJson.UserError("Title and starts at can't be blank", "BLANK", "freeShippingCodeDiscount");
        }
        else if (freeSegments.FirstOrDefault(s => shop.SegmentList.All(x => x.Id != s)) is { } unknownSegment)
        {
            error = FakeJson.UserError($"Segment {unknownSegment} does not exist", "INVALID", "freeShippingCodeDiscount", "context", "customerSegments", "add");
        }

        if (error is not null)
        {
            return new JsonObject { [Field] = FakeJson.Refused("codeDiscountNode", error) };
        }

        var usageLimit = input.Prop("usageLimit") is { ValueKind: JsonValueKind.Number } limit ? limit.GetInt32() : (int?)null;
        var discount = new FakeDiscountCode(shop.NewId("DiscountCodeNode"), code!, title!, null, null, [], usageLimit,
            input.Prop("appliesOncePerCustomer") is { ValueKind: JsonValueKind.True }, startsAt!.Value, input.Date("endsAt"), FreeShipping: true,
            CustomerSegmentIds: freeSegments);
        shop.Discounts.Add(discount);
        return new JsonObject
        {
            [Field] = new JsonObject { ["codeDiscountNode"] = new JsonObject { ["id"] = discount.Id }, ["userErrors"] = new JsonArray() },
        };
    }

    public static JsonObject TagsAdd(FakeShop shop, JsonElement variables)
    {
        const string Field = "tagsAdd";
        var id = variables.Str("id") ?? string.Empty;
        var tags = shop.MutableTags(id);
        if (tags is null)
        {
            return new JsonObject { [Field] = FakeJson.Refused("node", FakeJson.UserError($"Resource {id} not found", null, "id")) };
        }

        foreach (var tag in variables.Strings("tags").Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        return new JsonObject { [Field] = new JsonObject { ["node"] = new JsonObject { ["id"] = id }, ["userErrors"] = new JsonArray() } };
    }

    public static JsonObject MetafieldsSet(FakeShop shop, JsonElement variables)
    {
        const string Field = "metafieldsSet";
        var inputs = variables.Prop("metafields") is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToArray() : [];
        var errors = new List<JsonObject>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var owner = inputs[i].Str("ownerId") ?? string.Empty;
            var key = inputs[i].Str("key") ?? string.Empty;
            if (shop.MutableTags(owner) is null)
            {
                errors.Add(FakeJson.UserError($"Owner {owner} does not exist", "INVALID_VALUE", "metafields", index, "ownerId"));
            }

            if (key.Length is < 2 or > 64)
            {
                errors.Add(FakeJson.UserError("Key must be 2 to 64 characters", "INVALID", "metafields", index, "key"));
            }

            if (string.IsNullOrWhiteSpace(inputs[i].Str("type")))
            {
                errors.Add(FakeJson.UserError("Type can't be blank", "BLANK", "metafields", index, "type"));
            }

            if (inputs[i].Str("value") is null)
            {
                errors.Add(FakeJson.UserError("Value can't be blank", "BLANK", "metafields", index, "value"));
            }
        }

        if (inputs.Length is 0 or > 25)
        {
            errors.Add(FakeJson.UserError("Give 1 to 25 metafields", "LESS_THAN_OR_EQUAL_TO", "metafields"));
        }

        if (errors.Count > 0)
        {
            return new JsonObject { [Field] = FakeJson.Refused("metafields", [.. errors]) };
        }

        var result = new JsonArray();
        foreach (var input in inputs)
        {
            var ns = input.Str("namespace") ?? "$app";
            var set = new FakeMetafield(string.Empty, input.Str("ownerId")!, ns, input.Str("key")!, input.Str("type")!, input.Str("value")!);
            var index = shop.MetafieldList.FindIndex(m => m.OwnerId == set.OwnerId && m.Namespace == set.Namespace && m.Key == set.Key);
            if (index >= 0)
            {
                set = set with { Id = shop.MetafieldList[index].Id };
                shop.MetafieldList[index] = set;
            }
            else
            {
                set = set with { Id = shop.NewId("Metafield") };
                shop.MetafieldList.Add(set);
            }

            result.Add(new JsonObject
            {
                ["id"] = set.Id,
                ["namespace"] = set.Namespace,
                ["key"] = set.Key,
                ["type"] = set.Type,
                ["value"] = set.Value,
                ["owner"] = new JsonObject { ["id"] = set.OwnerId },
            });
        }

        return new JsonObject { [Field] = new JsonObject { ["metafields"] = result, ["userErrors"] = new JsonArray() } };
    }

    public static JsonObject WebhookSubscriptionCreate(FakeShop shop, JsonElement variables)
    {
        const string Field = "webhookSubscriptionCreate";
        var topic = variables.Str("topic") ?? string.Empty;
        var input = variables.Prop("webhookSubscription") ?? default;
        var uri = input.Str("uri") ?? string.Empty;
        JsonObject? error = null;
        if (topic.Length == 0 || !topic.All(c => char.IsAsciiLetterUpper(c) || c == '_' || char.IsAsciiDigit(c)))
        {
            error = FakeJson.UserError($"Topic '{topic}' is not a WebhookSubscriptionTopic", null, "topic");
        }
        else if (!Uri.TryCreate(uri, UriKind.Absolute, out _))
        {
            error = FakeJson.UserError("Address is invalid", null, "webhookSubscription", "uri");
        }
        else if (shop.Webhooks.Any(w => w.Topic == topic && w.Uri == uri))
        {
            error = FakeJson.UserError("Address for this topic has already been taken", null, "webhookSubscription", "uri");
        }

        if (error is not null)
        {
            return new JsonObject { [Field] = FakeJson.Refused("webhookSubscription", error) };
        }

        var subscription = new FakeWebhookSubscription(shop.NewId("WebhookSubscription"), topic, uri, input.Strings("includeFields"), input.Str("filter"));
        shop.Webhooks.Add(subscription);
        return new JsonObject
        {
            [Field] = new JsonObject
            {
                ["webhookSubscription"] = new JsonObject { ["id"] = subscription.Id, ["topic"] = topic, ["uri"] = uri, ["format"] = "JSON" },
                ["userErrors"] = new JsonArray(),
            },
        };
    }
}
