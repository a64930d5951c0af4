using System.Buffers.Binary;
using System.IO.Compression;
using Referrals.Core.Thanks;

namespace Referrals.Core.Tests.Thanks;

public sealed class QrCodesTests
{
    private static readonly Uri _link = new("https://shop.example/r/ANNA-7KQ2M9");

    [Test]
    public void Png_IsAPngImage_WhosePixelsAreTheModulesOfTheLink()
    {
        var png = QrCodes.Png(_link);

        var pixels = PngReader.DarkPixels(png);
        var modules = QrCodes.Modules(_link);
        var size = modules.Length * QrCodes.PngPixelsPerModule;
        var sampled = Enumerable.Range(0, modules.Length)
            .Select(y => Enumerable.Range(0, modules.Length)
                .Select(x => pixels[(y * QrCodes.PngPixelsPerModule) + 1][(x * QrCodes.PngPixelsPerModule) + 1]).ToArray())
            .ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }));
            Assert.That(pixels, Has.Length.EqualTo(size));
            Assert.That(sampled, Is.EqualTo(modules));
            Assert.That(QrDecoder.Decode(sampled), Is.EqualTo(_link.AbsoluteUri), "a scanner reads the link back");
        }
    }

    [Test]
    public void Modules_HaveTheThreeFinderPatterns_AndDifferForAnotherLink()
    {
        var modules = QrCodes.Modules(_link);
        var other = QrCodes.Modules(new Uri("https://shop.example/r/BO-3XW9"));
        const int quiet = 4;
        var inner = modules.Length - (2 * quiet);

        bool Finder(int top, int left) =>
            Enumerable.Range(0, 7).All(i => modules[top][left + i] && modules[top + 6][left + i] && modules[top + i][left] && modules[top + i][left + 6])
            && !modules[top + 1][left + 1] && modules[top + 3][left + 3];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(inner % 4, Is.EqualTo(1), "a QR code is 17 + 4 × version modules wide");
            Assert.That(Finder(quiet, quiet), Is.True);
            Assert.That(Finder(quiet, quiet + inner - 7), Is.True);
            Assert.That(Finder(quiet + inner - 7, quiet), Is.True);
            Assert.That(modules.Take(quiet).SelectMany(r => r), Is.All.False, "quiet zone");
            Assert.That(other, Is.Not.EqualTo(modules));
        }
    }

    [TestCase("https://shop.example/r/ANNA-7KQ2M9")]
    [TestCase("https://www.bakery-and-co.example/en-gb/r/MARIA-3XW9QZ")]
    [TestCase("http://localhost:8080/r/7K")]
    public void Modules_DecodeToTheLink(string link) =>
        Assert.That(QrDecoder.Decode(QrCodes.Modules(new Uri(link))), Is.EqualTo(new Uri(link).AbsoluteUri));

    [Test]
    public void PngDataUri_CarriesThePngAsBase64()
    {
        var uri = QrCodes.PngDataUri(_link);

        Assert.That(uri.AbsoluteUri, Does.StartWith("data:image/png;base64,"));
        Assert.That(Convert.FromBase64String(uri.AbsoluteUri["data:image/png;base64,".Length..]), Is.EqualTo(QrCodes.Png(_link)));
    }

    [Test]
    public void Encoding_Throws_ForARelativeLink() =>
        Assert.Throws<ArgumentException>(() => QrCodes.Png(new Uri("/r/ANNA", UriKind.Relative)));

    /// <summary>Just enough of PNG to read QRCoder's output back: 8-bit or 1-bit greyscale/palette, no interlace.</summary>
    private static class PngReader
    {
        public static bool[][] DarkPixels(byte[] png)
        {
            var offset = 8;
            int width = 0, height = 0, depth = 0, colourType = 0;
            byte[]? palette = null;
            using var idat = new MemoryStream();
            while (offset < png.Length)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
                var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
                var data = png.AsSpan(offset + 8, length);
                switch (type)
                {
                    case "IHDR":
                        width = BinaryPrimitives.ReadInt32BigEndian(data);
                        height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                        depth = data[8];
                        colourType = data[9];
                        Assert.That(data[12], Is.Zero, "not interlaced");
                        break;
                    case "PLTE":
                        palette = data.ToArray();
                        break;
                    case "IDAT":
                        idat.Write(data);
                        break;
                }

                offset += length + 12;
            }

            Assert.That(colourType, Is.AnyOf(0, 3), "greyscale or palette");
            using var inflater = new ZLibStream(new MemoryStream(idat.ToArray()), CompressionMode.Decompress);
            using var raw = new MemoryStream();
            inflater.CopyTo(raw);
            var bytes = raw.ToArray();
            var stride = ((width * depth) + 7) / 8;
            var rows = new bool[height][];
            var previous = new byte[stride];
            for (var y = 0; y < height; y++)
            {
                var filter = bytes[y * (stride + 1)];
                var line = bytes.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
                Unfilter(filter, line, previous, Math.Max(1, depth / 8));
                rows[y] = new bool[width];
                for (var x = 0; x < width; x++)
                {
                    var bit = (x * depth) % 8;
                    var sample = (line[x * depth / 8] >> (8 - depth - bit)) & ((1 << depth) - 1);
                    var grey = colourType == 3 ? palette![sample * 3] : sample * 255 / ((1 << depth) - 1);
                    rows[y][x] = grey < 128;
                }

                previous = line;
            }

            return rows;
        }

        private static void Unfilter(byte filter, byte[] line, byte[] previous, int bpp)
        {
            for (var i = 0; i < line.Length; i++)
            {
                int left = i >= bpp ? line[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
        }

        private static int Paeth(int a, int b, int c)
        {
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
