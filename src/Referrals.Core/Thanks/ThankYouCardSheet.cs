using System.Net;
using System.Text;

namespace Referrals.Core.Thanks;

/// <summary>
/// Renders thank-you cards as one self-contained, printable HTML page: one A6 card per printed page (print CSS), the
/// message on the front, the address block and the advocate's link with its QR code (inline SVG) beside it. Needs no
/// server, script or external file. Every text is HTML-escaped.
/// </summary>
public static class ThankYouCardSheet
{
    private const string Style = """
        @page { size: A6 landscape; margin: 0; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: Georgia, 'Times New Roman', serif; color: #1a1a1a; }
        .card { width: 148mm; height: 105mm; padding: 10mm; display: flex; gap: 8mm; page-break-after: always; break-after: page; overflow: hidden; }
        .card:last-child { page-break-after: auto; break-after: auto; }
        .message { flex: 1 1 auto; font-size: 12pt; line-height: 1.45; white-space: pre-wrap; }
        .side { flex: 0 0 42mm; display: flex; flex-direction: column; justify-content: space-between; font-size: 9pt; }
        .address { white-space: pre-line; }
        .qr svg { width: 32mm; height: 32mm; display: block; }
        .link { word-break: break-all; font-family: monospace; font-size: 7pt; }
        @media screen { body { background: #eeeeee; } .card { background: #ffffff; margin: 8mm auto; box-shadow: 0 1px 4px #999999; } }
        """;

    /// <summary>The HTML page for <paramref name="cards"/>, in their order.</summary>
    /// <param name="cards">The cards; may be empty (a page that says so).</param>
    /// <param name="title">The page title, for example the business's name.</param>
    /// <returns>A complete HTML document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cards"/> or a card is null.</exception>
    public static string Render(IReadOnlyList<PrintableCard> cards, string title)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        if (cards.Count == 0)
        {
            html.Append("<p>No thank-you cards to print.</p>\n");
        }

        foreach (var card in cards)
        {
            ArgumentNullException.ThrowIfNull(card);
            html.Append("<section class=\"card\"><div class=\"message\">").Append(Encode(card.Message.Trim())).Append("</div><div class=\"side\">");
            html.Append("<div class=\"address\">");
            if (!string.IsNullOrWhiteSpace(card.RecipientName))
            {
                html.Append(Encode(card.RecipientName.Trim())).Append('\n');
            }

            html.Append(Encode(card.PostalAddress?.Trim() ?? "")).Append("</div>");
            if (card.ReferralLink is { IsAbsoluteUri: true } link)
            {
                // SVG text from QRCoder holds only the fixed markup and colours given; the link is encoded in the modules.
                html.Append("<div class=\"qr\" data-link=\"").Append(Encode(link.AbsoluteUri)).Append("\">").Append(StripXmlDeclaration(QrCodes.Svg(link))).Append("</div>")
                    .Append("<div class=\"link\">").Append(Encode(link.AbsoluteUri)).Append("</div>");
            }

            html.Append("</div></section>\n");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string StripXmlDeclaration(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }
}
