using System.Collections.Concurrent;

namespace Referrals.ShopifyBridge.AdminApi;

/// <summary>
/// Access tokens held in memory: custom-app tokens given in configuration, and tests. A refresh hands out the token set
/// with <see cref="SetRefreshedToken"/>, if any; otherwise it fails, as a custom-app token cannot be refreshed.
/// </summary>
public sealed class InMemoryShopifyAccessTokenSource : IShopifyAccessTokenSource
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets the token used for <paramref name="shopDomain"/> from now on.</summary>
    public void Set(string shopDomain, string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopDomain);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        _entries.AddOrUpdate(shopDomain, _ => new Entry(accessToken), (_, e) => e.With(current: accessToken));
    }

    /// <summary>Sets the token the next refresh of <paramref name="shopDomain"/> hands out (once).</summary>
    public void SetRefreshedToken(string shopDomain, string nextAccessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopDomain);
        ArgumentException.ThrowIfNullOrWhiteSpace(nextAccessToken);
        _entries.AddOrUpdate(shopDomain, _ => new Entry(null, nextAccessToken), (_, e) => e.With(next: nextAccessToken));
    }

    /// <summary>The token held for <paramref name="shopDomain"/>, if any.</summary>
    public bool TryGet(string shopDomain, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? accessToken)
    {
        accessToken = _entries.TryGetValue(shopDomain, out var entry) ? entry.Current : null;
        return accessToken is not null;
    }

    /// <summary>How many times a refresh of <paramref name="shopDomain"/> replaced its token.</summary>
    public int RefreshCount(string shopDomain) => _entries.TryGetValue(shopDomain, out var e) ? e.Refreshes : 0;

    /// <inheritdoc />
    public ValueTask<string> GetAccessTokenAsync(string shopDomain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopDomain);
        return _entries.TryGetValue(shopDomain, out var entry) && entry.Current is { } token
            ? ValueTask.FromResult(token)
            : throw NotConnected(shopDomain);
    }

    /// <inheritdoc />
    public ValueTask<string> RefreshAsync(string shopDomain, string rejectedToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopDomain);
        while (true)
        {
            if (!_entries.TryGetValue(shopDomain, out var entry) || entry.Current is null)
            {
                throw NotConnected(shopDomain);
            }

            if (!string.Equals(entry.Current, rejectedToken, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(entry.Current);
            }

            if (entry.Next is null)
            {
                throw new ShopifyAccessTokenUnavailableException(shopDomain, $"Shopify rejected the access token of {shopDomain} and it cannot be refreshed. Reconnect the store or enter a new custom-app token.");
            }

            var refreshed = new Entry(entry.Next, null, entry.Refreshes + 1);
            if (_entries.TryUpdate(shopDomain, refreshed, entry))
            {
                return ValueTask.FromResult(entry.Next);
            }
        }
    }

    private static ShopifyAccessTokenUnavailableException NotConnected(string shopDomain) =>
        new(shopDomain, $"No access token is known for {shopDomain}. Connect the store first.");

    private sealed record Entry(string? Current, string? Next = null, int Refreshes = 0)
    {
        public Entry With(string? current = null, string? next = null) => this with { Current = current ?? Current, Next = next ?? Next };
    }
}
