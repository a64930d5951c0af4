namespace Referrals.ShopifyBridge.OAuth;

/// <summary>Compares granted access scopes with required ones; a <c>write_x</c> scope implies <c>read_x</c>.</summary>
internal static class ShopifyScopes
{
    /// <summary>Splits a comma-separated scope list (white space and empties ignored).</summary>
    public static IReadOnlyList<string> Parse(string? scopes) =>
        (scopes ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The app-proxy scope: requested at OAuth install, meaningless for a custom app (which has no app proxy).</summary>
    public const string AppProxy = "write_app_proxy";

    /// <summary>The configured scopes a custom app's token must have: all but <see cref="AppProxy"/>.</summary>
    public static IReadOnlyList<string> ForCustomApp(string? configured) =>
        Parse(configured).Where(s => s != AppProxy).ToList();

    /// <summary>The required scopes that <paramref name="granted"/> does not cover, in the order required.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> required, IEnumerable<string> granted)
    {
        var have = new HashSet<string>(granted, StringComparer.Ordinal);
        foreach (var scope in have.Where(s => s.StartsWith("write_", StringComparison.Ordinal)).ToList())
        {
            have.Add("read_" + scope["write_".Length..]);
        }

        return required.Where(r => !have.Contains(r)).Distinct(StringComparer.Ordinal).ToList();
    }
}
