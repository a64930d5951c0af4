using System.Text;
using System.Text.Encodings.Web;

namespace Referrals.ShopifyBridge.AppProxy;

/// <summary>
/// Escapes text for a page Shopify renders as Liquid (<c>Content-Type: application/liquid</c>): HTML-encoded, and with
/// <c>{</c> and <c>}</c> as character references, so nothing a visitor typed can open a Liquid tag or output.
/// </summary>
internal static class LiquidSafe
{
    public static string Html(string? text)
    {
        var encoded = HtmlEncoder.Default.Encode(text ?? string.Empty);
        return new StringBuilder(encoded).Replace("{", "&#123;").Replace("}", "&#125;").ToString();
    }
}
