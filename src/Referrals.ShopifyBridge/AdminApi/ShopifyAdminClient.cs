using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// The Admin API client: one Polly retry pipeline around single HTTP attempts, each attempt first waiting for the shop's
/// cost bucket (<see cref="ShopifyThrottle"/>) and bounded by <see cref="ShopifyAdminApiOptions.AttemptTimeout"/>.
/// Delays and time-outs run on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class ShopifyAdminClient : IShopifyAdminClient
{
    /// <summary>The name of the <see cref="HttpClient"/> configured by <c>AddShopifyAdminApi</c>.</summary>
    public const string HttpClientName = "Referrals.ShopifyAdminApi";

    private static readonly ResiliencePropertyKey<CallState> StateKey = new("Referrals.ShopifyAdminApi.Call");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IShopifyAccessTokenSource _tokens;
    private readonly ShopifyThrottle _throttle;
    private readonly ShopifyAdminApiOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ShopifyAdminClient> _logger;
    private readonly ResiliencePipeline<AdminApiResponse> _pipeline;
    private readonly string _path;

    public ShopifyAdminClient(
        IHttpClientFactory httpClientFactory,
        IShopifyAccessTokenSource tokens,
        ShopifyThrottle throttle,
        IOptions<ShopifyAdminApiOptions> options,
        TimeProvider time,
        ILogger<ShopifyAdminClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _throttle = throttle;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _path = $"/admin/api/{_options.ApiVersion}/graphql.json";
        _pipeline = BuildPipeline();
    }

    public async Task<TResult> ExecuteAsync<TResult>(string shopDomain, IShopifyOperation<TResult> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var shop = NormalizeShop(shopDomain);
        var variables = operation.BuildVariables(new ShopifyOperationContext(shop, _time.GetUtcNow()));
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["query"] = operation.Document,
            ["operationName"] = operation.OperationName,
            ["variables"] = variables,
        });
        var state = new CallState(shop, operation.OperationName, operation.IsIdempotent, body);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        AdminApiResponse response;
        try
        {
            response = await _pipeline.ExecuteAsync(static (ctx, self) => self.AttemptAsync(ctx), context, this);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Unfinished(state, $"timed out after {_options.AttemptTimeout}", safeToRepeat: state.Idempotent, ex);
        }
        catch (HttpRequestException ex)
        {
            throw Unfinished(state, $"connection failed ({ex.HttpRequestError}: {ex.Message})", safeToRepeat: state.Idempotent || NotSent(ex), ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        return Complete(state, operation, response);
    }

    private ResiliencePipeline<AdminApiResponse> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<AdminApiResponse> { TimeProvider = _time };
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<AdminApiResponse>
            {
                MaxRetryAttempts = _options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseRetryDelay,
                MaxDelay = _options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(StateKey, null!))),
                DelayGenerator = args => ValueTask.FromResult(RetryDelay(args.Outcome, args.Context.Properties.GetValue(StateKey, null!))),
                OnRetry = args =>
                {
                    var state = args.Context.Properties.GetValue(StateKey, null!);
                    LogRetry(state.Shop, state.Operation, args.AttemptNumber + 1, Describe(args.Outcome), (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    /// <summary>One HTTP attempt: wait for the bucket, send, classify; on the first 401 fetch a fresh token.</summary>
    private async ValueTask<AdminApiResponse> AttemptAsync(ResilienceContext context)
    {
        var state = context.Properties.GetValue(StateKey, null!);
        var cancellationToken = context.CancellationToken;
        state.Attempts++;
        await _throttle.WaitForCapacityAsync(state.Shop, state.Operation, cancellationToken);
        var token = state.Token ??= await _tokens.GetAccessTokenAsync(state.Shop, cancellationToken);

        using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseAddress ?? new Uri("https://" + state.Shop), _path));
        request.Content = new ByteArrayContent(state.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("X-Shopify-Access-Token", token);
        request.Headers.Host = state.Shop;

        AdminApiResponse result;
        try
        {
            var http = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await http.SendAsync(request, linked.Token);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            result = AdminApiResponse.From(response.StatusCode, response.Headers, body, _time.GetUtcNow());
            if (response.Headers.TryGetValues("X-Shopify-API-Deprecated-Reason", out var reasons))
            {
                LogDeprecated(state.Shop, state.Operation, string.Join(" ", reasons));
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"Shopify did not answer {state.Operation} for {state.Shop} within {_options.AttemptTimeout}.", _options.AttemptTimeout, ex);
        }

        if (result.Cost is { } cost)
        {
            _throttle.Observe(state.Shop, state.Operation, cost);
        }

        if (result.Kind == AdminApiResponseKind.Unauthorized && !state.TokenRefreshed)
        {
            state.TokenRefreshed = true;
            state.Token = await _tokens.RefreshAsync(state.Shop, token, cancellationToken);
            result.TokenRefreshed = true;
        }

        return result;
    }

    private static bool ShouldRetry(Outcome<AdminApiResponse> outcome, CallState state)
    {
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                TimeoutRejectedException => state.Idempotent,
                HttpRequestException http => state.Idempotent || NotSent(http),
                _ => false,
            };
        }

        var response = outcome.Result!;
        return response.Kind switch
        {
            AdminApiResponseKind.Throttled or AdminApiResponseKind.TooManyRequests => true,
            AdminApiResponseKind.Unauthorized => response.TokenRefreshed,
            AdminApiResponseKind.ServerError => state.Idempotent,
            _ => false,
        };
    }

    /// <summary>The wait before a retry; null lets Polly use exponential back-off with jitter.</summary>
    private TimeSpan? RetryDelay(Outcome<AdminApiResponse> outcome, CallState state) => outcome.Result switch
    {
        { Kind: AdminApiResponseKind.Throttled } r when _throttle.BucketOf(state.Shop).Current is not null => _throttle.ThrottledWait(state.Shop, state.Operation, r.Cost),
        { Kind: AdminApiResponseKind.TooManyRequests, RetryAfter: { } retryAfter } => retryAfter,
        { Kind: AdminApiResponseKind.Unauthorized } => TimeSpan.Zero,
        _ => null,
    };

    private static TResult Complete<TResult>(CallState state, IShopifyOperation<TResult> operation, AdminApiResponse response)
    {
        switch (response.Kind)
        {
            case AdminApiResponseKind.Completed:
                break;
            case AdminApiResponseKind.Throttled or AdminApiResponseKind.TooManyRequests:
                throw new ShopifyTransientFailureException(state.Shop, state.Operation, state.Attempts, response.Detail);
            case AdminApiResponseKind.ServerError:
                throw Unfinished(state, response.Detail, safeToRepeat: state.Idempotent, null);
            case AdminApiResponseKind.Unauthorized:
                throw new ShopifyRequestRejectedException(state.Shop, state.Operation, HttpStatusCode.Unauthorized, "the access token was refused, also after a refresh. Reconnect the store or check the app's installation.");
            default:
                throw new ShopifyRequestRejectedException(state.Shop, state.Operation, response.StatusCode, response.Detail);
        }

        if (response.Errors.Count > 0 || response.Data is null)
        {
            var errors = response.Errors.Count > 0 ? response.Errors : [("the response has no data", null)];
            throw new ShopifyGraphQLErrorsException(
                state.Shop, state.Operation, errors.Select(e => e.Message).ToArray(), errors.Where(e => e.Code is not null).Select(e => e.Code!).ToArray());
        }

        var data = response.Data.Value;
        if (operation.MutationField is { } field && data.Get(field)?.Get("userErrors") is { ValueKind: JsonValueKind.Array } userErrors && userErrors.GetArrayLength() > 0)
        {
            throw new ShopifyUserErrorsException(state.Shop, state.Operation, userErrors.EnumerateArray().Select(ReadUserError).ToArray());
        }

        try
        {
            return operation.ReadResult(data);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or KeyNotFoundException)
        {
            throw new ShopifyAdminApiException(state.Shop, state.Operation, $"Shopify's answer to {state.Operation} for {state.Shop} could not be read: {ex.Message}", ex);
        }
    }

    private static ShopifyUserError ReadUserError(JsonElement error) => new(
        error.Get("field") is { ValueKind: JsonValueKind.Array } path ? path.EnumerateArray().Select(p => p.ToString()).ToArray() : [],
        error.GetString("message") ?? string.Empty,
        error.GetString("code"));

    private static ShopifyAdminApiException Unfinished(CallState state, string failure, bool safeToRepeat, Exception? inner) => safeToRepeat
        ? new ShopifyTransientFailureException(state.Shop, state.Operation, state.Attempts, failure, inner)
        : new ShopifyOutcomeUnknownException(state.Shop, state.Operation, failure, inner);

    /// <summary>Whether the request never left: the connection itself failed, so repeating it cannot apply it twice.</summary>
    private static bool NotSent(HttpRequestException exception) => exception.HttpRequestError is
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    private static string Describe(Outcome<AdminApiResponse> outcome) =>
        outcome.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : outcome.Result?.Detail ?? "nothing";

    private static string NormalizeShop(string shopDomain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopDomain);
        var shop = shopDomain.Trim().ToLowerInvariant();
        return ShopDomainPattern().IsMatch(shop)
            ? shop
            : throw new ArgumentException($"'{shopDomain}' is not a shop domain; expected {{shop}}.myshopify.com.", nameof(shopDomain));
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\.myshopify\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex ShopDomainPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shopify Admin API {Operation} for {Shop}: attempt {Attempt} met {Failure}; retrying in {DelayMs} ms.")]
    private partial void LogRetry(string shop, string operation, int attempt, string failure, long delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shopify Admin API {Operation} for {Shop} uses something deprecated: {Reason}")]
    private partial void LogDeprecated(string shop, string operation, string reason);

    /// <summary>What one call carries across its attempts.</summary>
    private sealed class CallState(string shop, string operation, bool idempotent, byte[] body)
    {
        public string Shop { get; } = shop;

        public string Operation { get; } = operation;

        public bool Idempotent { get; } = idempotent;

        public byte[] Body { get; } = body;

        public int Attempts { get; set; }

        public string? Token { get; set; }

        public bool TokenRefreshed { get; set; }
    }
}
