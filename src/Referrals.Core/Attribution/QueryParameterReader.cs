using System.Text;
using System.Text.Unicode;

namespace Referrals.Core.Attribution;

/// <summary>
/// Reads one query parameter out of a relative or absolute URL without <see cref="Uri"/>, because shops hand
/// us relative paths (<c>/?ref=X</c>) and whatever a visitor typed; nothing in here throws on bad input.
/// </summary>
internal static class QueryParameterReader
{
    /// <summary>
    /// Every non-empty, decoded, trimmed value of the parameter named <paramref name="name"/> (compared
    /// case-insensitively) in the query of <paramref name="url"/>, in URL order. The fragment is ignored;
    /// a pair whose name or value is not valid percent-encoded UTF-8, or whose value holds control
    /// characters, is skipped; a parameter without <c>=</c> has no value and is skipped.
    /// </summary>
    public static IReadOnlyList<string> ValuesOf(string? url, string name)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return [];
        }

        var span = url.AsSpan();
        var fragmentStart = span.IndexOf('#');
        if (fragmentStart >= 0)
        {
            span = span[..fragmentStart];
        }

        var queryStart = span.IndexOf('?');
        if (queryStart < 0)
        {
            return [];
        }

        var query = span[(queryStart + 1)..];
        var values = new List<string>();
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var equals = pair.IndexOf('=');
            if (equals < 0
                || !TryDecode(pair[..equals], out var key)
                || !string.Equals(key, name, StringComparison.OrdinalIgnoreCase)
                || !TryDecode(pair[(equals + 1)..], out var value))
            {
                continue;
            }

            var trimmed = value.Trim();
            if (trimmed.Length > 0 && !trimmed.Any(char.IsControl))
            {
                values.Add(trimmed);
            }
        }

        return values;
    }

    /// <summary>
    /// Decodes form-style percent-encoding (<c>%HH</c> bytes, <c>+</c> as space) strictly: a truncated or
    /// non-hex escape, or bytes that are not valid UTF-8, make the whole component invalid.
    /// </summary>
    internal static bool TryDecode(ReadOnlySpan<char> encoded, out string decoded)
    {
        if (encoded.IndexOfAny('%', '+') < 0)
        {
            decoded = encoded.ToString();
            return true;
        }

        // Work on UTF-8 bytes so that escaped bytes and literal non-ASCII characters combine correctly.
        var bytes = Encoding.UTF8.GetBytes(encoded.ToString());
        var written = 0;
        for (var read = 0; read < bytes.Length; read++)
        {
            var b = bytes[read];
            if (b == (byte)'+')
            {
                b = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (read + 2 >= bytes.Length || HexValue(bytes[read + 1]) is not (>= 0 and var high)
                    || HexValue(bytes[read + 2]) is not (>= 0 and var low))
                {
                    decoded = string.Empty;
                    return false;
                }

                b = (byte)((high << 4) | low);
                read += 2;
            }

            bytes[written++] = b;
        }

        var result = bytes.AsSpan(0, written);
        if (!Utf8.IsValid(result))
        {
            decoded = string.Empty;
            return false;
        }

        decoded = Encoding.UTF8.GetString(result);
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
