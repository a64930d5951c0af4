using QRCoder;

namespace Referrals.Core.Thanks;

/// <summary>
/// QR codes of advocates' links (QRCoder; its PNG and SVG writers are pure .NET, no System.Drawing). Error correction
/// level M: a printed card survives a smudge, and a short link stays a small code.
/// </summary>
public static class QrCodes
{
    /// <summary>Pixels per module of the PNG: 6 makes a 29-module code about 200 px wide with its quiet zone.</summary>
    public const int PngPixelsPerModule = 6;

    /// <summary>The QR code of <paramref name="link"/> as a PNG image.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="link"/> is relative.</exception>
    public static byte[] Png(Uri link)
    {
        using var data = Encode(link);
        return new PngByteQRCode(data).GetGraphic(PngPixelsPerModule);
    }

    /// <summary>The QR code of <paramref name="link"/> as a <c>data:image/png;base64,</c> address, for an <c>img</c> that needs no server.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="link"/> is relative.</exception>
    public static Uri PngDataUri(Uri link) => new("data:image/png;base64," + Convert.ToBase64String(Png(link)), UriKind.Absolute);

    /// <summary>The QR code of <paramref name="link"/> as an SVG document that scales to its container (for print).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="link"/> is relative.</exception>
    public static string Svg(Uri link)
    {
        using var data = Encode(link);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>The module matrix of <paramref name="link"/>'s code (true = dark), quiet zone included; tests compare against it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="link"/> is relative.</exception>
    public static bool[][] Modules(Uri link)
    {
        using var data = Encode(link);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToArray();
    }

    private static QRCodeData Encode(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!link.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{link.OriginalString}' is a relative link; a QR code needs the full address.", nameof(link));
        }

        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
    }
}
