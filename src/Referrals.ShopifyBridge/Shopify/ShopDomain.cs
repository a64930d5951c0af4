using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace Referrals.ShopifyBridge.Shopify;

/// <summary>
/// A shop's permanent <c>{handle}.myshopify.com</c> domain, the key of its tenant. Anchored at both ends (an unanchored
/// check lets <c>evil.com?x.myshopify.com</c> through); ASCII upper-case is folded to lower-case first, anything
/// else outside <c>[a-z0-9-.]</c> is refused.
/// </summary>
internal static partial class ShopDomain
{
    /// <summary>The longest domain accepted (a DNS name's limit).</summary>
    public const int MaxLength = 255;

    /// <summary>The canonical (lower-case) form of <paramref name="value"/> when it is a valid shop domain.</summary>
    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? domain)
    {
        domain = null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !Ascii.IsValid(value))
        {
            return false;
        }

        // Folding only ASCII keeps look-alikes such as the Kelvin sign (U+212A, which lower-cases to 'k') out.
        var lower = value.ToLowerInvariant();
        if (!Pattern().IsMatch(lower))
        {
            return false;
        }

        domain = lower;
        return true;
    }

    // \z, not $: in .NET, $ also matches before a final newline.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\.myshopify\.com\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
