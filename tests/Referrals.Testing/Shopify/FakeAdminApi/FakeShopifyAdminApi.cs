using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>
/// A stand-in for Shopify's GraphQL Admin API: a real HTTP server (Kestrel) on <c>127.0.0.1</c> at a free port that
/// answers <c>POST /admin/api/{version}/graphql.json</c> for any shop, named by the <c>Host</c> header. It speaks the
/// operations of <c>Referrals.ShopifyBridge.AdminApi.Operations</c> (matched on the document's root field, variables by
/// Shopify's argument names), keeps each shop's state (<see cref="Shop"/>), keeps a cost bucket per shop and reports it
/// in <c>extensions.cost.throttleStatus</c> (THROTTLED when short), records every request (<see cref="Requests"/>) and
/// injects faults on demand (<see cref="FailNext"/>, <see cref="FailRandomly"/>, <see cref="RequireToken"/>).
/// </summary>
/// <remarks>Like Shopify, it deduplicates nothing: a repeated store credit shows as two transactions.</remarks>
public sealed partial class FakeShopifyAdminApi : IAsyncDisposable
{
    private const string Throttled = "THROTTLED";

    private readonly WebApplication _app;
    private readonly FakeAdminApiOptions _options;
    private readonly ConcurrentDictionary<string, FakeShop> _shops = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, FakeCostBucket> _buckets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _requiredTokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<FakeAdminRequest> _requests = new();
    private readonly FakeFaultPlan _faults = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeShopifyAdminApi(WebApplication app, FakeAdminApiOptions options)
    {
        _app = app;
        _options = options;
        OAuth = new FakeOAuth(this);
        app.Run(HandleAsync);
    }

    /// <summary>Where to send requests, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The token endpoint (<c>/admin/oauth/access_token</c>): codes, refreshes, revocations.</summary>
    public FakeOAuth OAuth { get; }

    /// <summary>The options the fake runs with.</summary>
    public FakeAdminApiOptions Options => _options;

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<FakeAdminRequest> Requests => [.. _requests];

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeShopifyAdminApi> StartAsync(FakeAdminApiOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var fake = new FakeShopifyAdminApi(builder.Build(), options ?? new FakeAdminApiOptions());
        await fake._app.StartAsync(cancellationToken);
        fake.BaseAddress = new Uri(fake._app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)) + "/");
        return fake;
    }

    /// <summary>The state of <paramref name="domain"/>, created empty on first use.</summary>
    public FakeShop Shop(string domain) => _shops.GetOrAdd(domain.ToLowerInvariant(), d => new FakeShop(d, _options.ShopCurrency));

    /// <summary>The requests for one root field or operation name (case-insensitive).</summary>
    public IReadOnlyList<FakeAdminRequest> RequestsFor(string operation) =>
        [.. _requests.Where(r => string.Equals(r.Operation, operation, StringComparison.OrdinalIgnoreCase) || string.Equals(r.OperationName, operation, StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// Makes the next <paramref name="count"/> requests fail with <paramref name="fault"/> — only requests of
    /// <paramref name="operation"/> (a root field such as <c>storeCreditAccountCredit</c>, or an operation name) when given.
    /// </summary>
    public void FailNext(FakeFault fault, int count = 1, string? operation = null) => _faults.Enqueue(fault, count, operation);

    /// <summary>
    /// After the queued faults, fails each request with probability <paramref name="probability"/>, picking one of
    /// <paramref name="faults"/>; the sequence is reproducible for a given <paramref name="seed"/> and request order.
    /// </summary>
    public void FailRandomly(double probability, int seed, params FakeFault[] faults) => _faults.FailRandomly(probability, seed, faults);

    /// <summary>Clears queued faults and the random mode.</summary>
    public void StopFailing() => _faults.Clear();

    /// <summary>Answers 401 to every request for <paramref name="shop"/> whose token is not <paramref name="accessToken"/>.</summary>
    public void RequireToken(string shop, string accessToken) => _requiredTokens[shop] = accessToken;

    /// <summary>Sets the points available in a shop's bucket now and, when given, its restore rate.</summary>
    public void SetBucket(string shop, double available, double? restoreRate = null) => BucketOf(shop).Set(available, restoreRate);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private FakeCostBucket BucketOf(string shop) =>
        _buckets.GetOrAdd(shop.ToLowerInvariant(), _ => new FakeCostBucket(_options.TimeProvider, _options.MaximumAvailable, _options.RestoreRate));

    private async Task HandleAsync(HttpContext http)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var shop = http.Request.Host.Host.ToLowerInvariant();
        var path = http.Request.Path.Value ?? "/";
        if (path == "/admin/oauth/access_token" && HttpMethods.IsPost(http.Request.Method))
        {
            await HandleTokenAsync(http, shop, now);
            return;
        }

        var pathMatch = GraphQLPath().Match(path);
        var version = pathMatch.Success ? pathMatch.Groups["version"].Value : null;
        string? query = null;
        string? operationName = null;
        var variables = EmptyObject();
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            query = document.RootElement.Str("query");
            operationName = document.RootElement.Str("operationName");
            variables = (document.RootElement.Prop("variables") ?? variables).Clone();
        }
        catch (JsonException)
        {
            // Left without a query: answered 400 below.
        }

        var field = query is null ? string.Empty : RootField(query);
        var token = http.Request.Headers["X-Shopify-Access-Token"].ToString();
        var request = new FakeAdminRequest(shop, field, operationName, variables, token.Length == 0 ? null : token, path, version, now, 0, null, false);

        if (version is null)
        {
            await AnswerAsync(http, request, 404, new JsonObject { ["errors"] = "Not Found" });
            return;
        }

        if (query is null)
        {
            await AnswerAsync(http, request, 400, new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } });
            return;
        }

        if (token.Length == 0 || (_requiredTokens.TryGetValue(shop, out var required) && required != token))
        {
            await AnswerAsync(http, request, 401, InvalidToken());
            return;
        }

        var fault = _faults.Next(field, operationName);
        request = request with { Fault = fault };
        switch (fault)
        {
            case FakeFault.Unauthorized:
                await AnswerAsync(http, request, 401, InvalidToken());
                return;
            case FakeFault.Http403:
                await AnswerAsync(http, request, 403, new JsonObject { ["errors"] = "This action requires merchant approval for the required access scope." });
                return;
            case FakeFault.Http429:
                http.Response.Headers.RetryAfter = _options.RetryAfter.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture);
                await AnswerAsync(http, request, 429, new JsonObject { ["errors"] = "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." });
                return;
            case FakeFault.Http500 or FakeFault.Http502 or FakeFault.Http503:
                var status = fault switch { FakeFault.Http500 => 500, FakeFault.Http502 => 502, _ => 503 };
                await AnswerAsync(http, request, status, new JsonObject { ["errors"] = "Internal Server Error" });
                return;
            case FakeFault.Hang:
                await HangAsync(http, request);
                return;
            case FakeFault.GraphQLError:
                await AnswerAsync(http, request, 200, Errors($"Access denied for {field} field.", "ACCESS_DENIED"));
                return;
            case FakeFault.Throttled:
                BucketOf(shop).Drain();
                break;
        }

        var cost = _options.CostOf(field);
        var (taken, maximum, available, restoreRate) = BucketOf(shop).TryTake(cost);
        var throttleStatus = new JsonObject { ["maximumAvailable"] = maximum, ["currentlyAvailable"] = available, ["restoreRate"] = restoreRate };
        if (!taken)
        {
            var throttled = Errors("Throttled", Throttled);
            throttled["extensions"] = new JsonObject { ["cost"] = new JsonObject { ["requestedQueryCost"] = cost, ["actualQueryCost"] = null, ["throttleStatus"] = throttleStatus } };
            await AnswerAsync(http, request with { Throttled = true }, 200, throttled);
            return;
        }

        var data = fault == FakeFault.UserErrors ? InjectedUserErrors(field) : Shop(shop).Locked(s => Dispatch(field, s, variables, now));
        if (fault == FakeFault.Http502AfterApplying)
        {
            await AnswerAsync(http, request, 502, new JsonObject { ["errors"] = "Bad Gateway" });
            return;
        }

        if (fault == FakeFault.HangAfterApplying)
        {
            await HangAsync(http, request);
            return;
        }

        var body = data is null ? Errors($"Field '{field}' doesn't exist on type 'QueryRoot'", "undefinedField") : new JsonObject { ["data"] = data };
        body["extensions"] = new JsonObject { ["cost"] = new JsonObject { ["requestedQueryCost"] = cost, ["actualQueryCost"] = cost, ["throttleStatus"] = throttleStatus } };
        await AnswerAsync(http, request, 200, body);
    }

    private async Task HandleTokenAsync(HttpContext http, string shop, DateTimeOffset now)
    {
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            body = EmptyObject();
        }

        var (status, answer) = OAuth.Handle(shop, body, now);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.ToJsonString(), http.RequestAborted);
    }

    private static JsonObject? Dispatch(string field, FakeShop shop, JsonElement variables, DateTimeOffset now) => field switch
    {
        "customers" => FakeQueryHandlers.Customers(shop, variables),
        "order" => FakeQueryHandlers.Order(shop, variables),
        "shop" => FakeQueryHandlers.ShopAccess(shop),
        "customer" => FakeCustomerQueryHandlers.Customer(shop, variables),
        "codeDiscountNodeByCode" => FakeQueryHandlers.CodeDiscountNodeByCode(shop, variables),
        "storeCreditAccountCredit" => FakeStoreCreditHandlers.Credit(shop, variables, now),
        "storeCreditAccountDebit" => FakeStoreCreditHandlers.Debit(shop, variables, now),
        "discountCodeBasicCreate" => FakeMutationHandlers.DiscountCodeBasicCreate(shop, variables),
        "discountCodeFreeShippingCreate" => FakeMutationHandlers.DiscountCodeFreeShippingCreate(shop, variables),
        "tagsAdd" => FakeMutationHandlers.TagsAdd(shop, variables),
        "metafieldsSet" => FakeMutationHandlers.MetafieldsSet(shop, variables),
        "webhookSubscriptionCreate" => FakeMutationHandlers.WebhookSubscriptionCreate(shop, variables),
        "segmentCreate" => FakeSegmentHandlers.SegmentCreate(shop, variables),
        "segments" => FakeSegmentHandlers.Segments(shop, variables),
        _ => null,
    };

    private static JsonObject InjectedUserErrors(string field)
    {
        string? resultField = field switch
        {
            "storeCreditAccountCredit" or "storeCreditAccountDebit" => "storeCreditAccountTransaction",
            "discountCodeBasicCreate" or "discountCodeFreeShippingCreate" => "codeDiscountNode",
            "tagsAdd" => "node",
            "metafieldsSet" => "metafields",
            "webhookSubscriptionCreate" => "webhookSubscription",
            "segmentCreate" => "segment",
            _ => null,
        };
        return resultField is null
            ? Errors($"{field} has no userErrors; injected failure", "INJECTED")
            : new JsonObject { [field] = FakeJson.Refused(resultField, FakeJson.UserError("Injected failure", "INJECTED", "input")) };
    }

    private async Task HangAsync(HttpContext http, FakeAdminRequest request)
    {
        _requests.Enqueue(request);
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(_options.HangLimit, hang.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        http.Response.StatusCode = 504;
    }

    private async Task AnswerAsync(HttpContext http, FakeAdminRequest request, int status, JsonObject body)
    {
        _requests.Enqueue(request with { StatusCode = status });
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    private static JsonObject Errors(string message, string code) => new()
    {
        ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["extensions"] = new JsonObject { ["code"] = code } }),
    };

    private static JsonObject InvalidToken() => new() { ["errors"] = "[API] Invalid API key or access token (unrecognized login or wrong password)" };

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }

    /// <summary>The first field selected by the document's operation (after an alias, if any).</summary>
    public static string RootField(string query)
    {
        var match = RootFieldPattern().Match(query);
        return match.Success ? match.Groups["field"].Value : string.Empty;
    }

    [GeneratedRegex(@"^/admin/api/(?<version>[^/]+)/graphql\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex GraphQLPath();

    [GeneratedRegex(@"^[^{]*\{\s*(?:[A-Za-z_]\w*\s*:\s*)?(?<field>[A-Za-z_]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex RootFieldPattern();
}
