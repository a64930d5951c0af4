using System.Text;

namespace Referrals.Core.Tests.Thanks;

/// <summary>
/// Reads the text back out of a clean QR module matrix (ISO/IEC 18004), independently of the encoder: format
/// information, unmasking, the zigzag codeword order, block de-interleaving and a byte-mode segment. Enough for the
/// short links on cards: versions 1-6, error correction L or M, no damaged modules (no Reed-Solomon correction).
/// </summary>
internal static class QrDecoder
{
    private const int QuietZone = 4;

    // (blocks, data codewords per block) for versions 1-6, levels L and M.
    private static readonly Dictionary<(int Version, char Level), (int Blocks, int Data)> _blocks = new()
    {
        [(1, 'L')] = (1, 19), [(1, 'M')] = (1, 16),
        [(2, 'L')] = (1, 34), [(2, 'M')] = (1, 28),
        [(3, 'L')] = (1, 55), [(3, 'M')] = (1, 44),
        [(4, 'L')] = (1, 80), [(4, 'M')] = (2, 32),
        [(5, 'L')] = (1, 108), [(5, 'M')] = (2, 43),
        [(6, 'L')] = (2, 68), [(6, 'M')] = (4, 27),
    };

    /// <summary>The text of the code in <paramref name="withQuietZone"/> (true = dark, a 4-module quiet zone around it).</summary>
    public static string Decode(bool[][] withQuietZone)
    {
        var n = withQuietZone.Length - (2 * QuietZone);
        var version = (n - 17) / 4;
        if (version is < 1 or > 6 || n != 17 + (4 * version))
        {
            throw new NotSupportedException($"A {n}-module code is not a version 1-6 code.");
        }

        bool Dark(int row, int col) => withQuietZone[row + QuietZone][col + QuietZone];
        var (level, mask) = ReadFormat(Dark, n);
        var bits = new List<bool>();
        var upward = true;
        for (var right = n - 1; right > 0; right -= 2)
        {
            if (right == 6)
            {
                right--; // the vertical timing pattern is skipped
            }

            for (var count = 0; count < n; count++)
            {
                var row = upward ? n - 1 - count : count;
                for (var c = 0; c < 2; c++)
                {
                    var col = right - c;
                    if (!IsFunction(row, col, n, version))
                    {
                        bits.Add(Dark(row, col) ^ Masked(mask, row, col));
                    }
                }
            }

            upward = !upward;
        }

        var codewords = Enumerable.Range(0, bits.Count / 8).Select(i => (byte)Enumerable.Range(0, 8).Aggregate(0, (b, k) => (b << 1) | (bits[(i * 8) + k] ? 1 : 0))).ToArray();
        var (blocks, perBlock) = _blocks[(version, level)];
        var data = new List<byte>();
        for (var b = 0; b < blocks; b++)
        {
            for (var i = 0; i < perBlock; i++)
            {
                data.Add(codewords[(i * blocks) + b]);
            }
        }

        return ReadByteSegment(data);
    }

    private static (char Level, int Mask) ReadFormat(Func<int, int, bool> dark, int n)
    {
        // Around the top-left finder: row 8 from column 0 to 8 (skipping the timing column), then column 8 upwards.
        var read = 0;
        foreach (var (row, col) in new[] { (8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8) })
        {
            read = (read << 1) | (dark(row, col) ? 1 : 0);
        }

        for (var info = 0; info < 32; info++)
        {
            if ((((info << 10) | Bch(info)) ^ 0x5412) == read)
            {
                var level = (info >> 3) switch { 1 => 'L', 0 => 'M', 3 => 'Q', _ => 'H' };
                return (level, info & 7);
            }
        }

        throw new InvalidDataException($"The format bits {Convert.ToString(read, 2)} are not a valid format (n = {n}).");
    }

    private static int Bch(int info)
    {
        var value = info << 10;
        for (var bit = 14; bit >= 10; bit--)
        {
            if ((value & (1 << bit)) != 0)
            {
                value ^= 0x537 << (bit - 10);
            }
        }

        return value;
    }

    private static bool IsFunction(int row, int col, int n, int version)
    {
        if ((row < 9 && col < 9) || (row < 9 && col >= n - 8) || (row >= n - 8 && col < 9))
        {
            return true; // finders, separators, format information, the dark module
        }

        if (row == 6 || col == 6)
        {
            return true; // timing patterns
        }

        // Versions 2-6 have one alignment pattern, centred 7 modules in from the bottom-right corner.
        return version >= 2 && Math.Abs(row - (n - 7)) <= 2 && Math.Abs(col - (n - 7)) <= 2;
    }

    private static bool Masked(int mask, int i, int j) => mask switch
    {
        0 => (i + j) % 2 == 0,
        1 => i % 2 == 0,
        2 => j % 3 == 0,
        3 => (i + j) % 3 == 0,
        4 => ((i / 2) + (j / 3)) % 2 == 0,
        5 => ((i * j) % 2) + ((i * j) % 3) == 0,
        6 => (((i * j) % 2) + ((i * j) % 3)) % 2 == 0,
        _ => (((i + j) % 2) + ((i * j) % 3)) % 2 == 0,
    };

    private static string ReadByteSegment(List<byte> data)
    {
        var position = 0;
        int Take(int count)
        {
            var value = 0;
            for (var k = 0; k < count; k++, position++)
            {
                value = (value << 1) | ((data[position / 8] >> (7 - (position % 8))) & 1);
            }

            return value;
        }

        const string alphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        var text = new StringBuilder();
        var encoding = Encoding.Latin1;
        while (position + 4 <= data.Count * 8)
        {
            var mode = Take(4);
            switch (mode)
            {
                case 0: // terminator
                    return text.ToString();
                case 0b0111: // ECI: 26 is UTF-8
                    encoding = Take(8) == 26 ? Encoding.UTF8 : Encoding.Latin1;
                    break;
                case 0b0100: // byte
                    var bytes = Enumerable.Range(0, Take(8)).Select(_ => (byte)Take(8)).ToArray();
                    text.Append(encoding.GetString(bytes));
                    break;
                case 0b0010: // alphanumeric: pairs in 11 bits, a last single in 6
                    var chars = Take(9);
                    for (; chars >= 2; chars -= 2)
                    {
                        var pair = Take(11);
                        text.Append(alphanumeric[pair / 45]).Append(alphanumeric[pair % 45]);
                    }

                    if (chars == 1)
                    {
                        text.Append(alphanumeric[Take(6)]);
                    }

                    break;
                case 0b0001: // numeric: triples in 10 bits, then 7 or 4
                    var digits = Take(10);
                    for (; digits >= 3; digits -= 3)
                    {
                        text.Append(Take(10).ToString("000", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    if (digits > 0)
                    {
                        text.Append(Take(digits == 2 ? 7 : 4).ToString(digits == 2 ? "00" : "0", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
                default:
                    throw new NotSupportedException($"Segment mode {mode} is not supported.");
            }
        }

        return text.ToString();
    }
}
