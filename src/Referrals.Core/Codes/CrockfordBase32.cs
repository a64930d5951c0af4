namespace Referrals.Core.Codes;

/// <summary>
/// Douglas Crockford's base 32: the digits and upper-case letters without I, L, O and U, so a code read
/// aloud, hand-written on a thank-you card or typed from a phone cannot be mistaken for another one.
/// </summary>
/// <remarks>All members are pure and thread-safe.</remarks>
public static class CrockfordBase32
{
    /// <summary>The 32 symbols, in value order: symbol <c>n</c> encodes the 5-bit value <c>n</c>.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The most symbols <see cref="Encode(ulong, int)"/> writes: 13 × 5 bits hold any 64-bit value.</summary>
    public const int MaxSymbolsForUInt64 = 13;

    /// <summary>Returns the symbol for a 5-bit value.</summary>
    /// <param name="value">A value from 0 to 31.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0-31.</exception>
    public static char GetSymbol(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 31);
        return Alphabet[value];
    }

    /// <summary>
    /// Encodes bytes as a bit string, most significant bit first, five bits per symbol; the last symbol is
    /// padded with zero bits. <c>n</c> bytes give <c>ceil(8n / 5)</c> symbols.
    /// </summary>
    /// <param name="bytes">The bytes to encode; empty gives an empty string.</param>
    /// <returns>The symbols, upper-case, without separators or padding characters.</returns>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var symbolCount = ((bytes.Length * 8) + 4) / 5;
        var result = new char[symbolCount];
        var buffer = 0;
        var bitsInBuffer = 0;
        var next = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bitsInBuffer += 8;
            while (bitsInBuffer >= 5)
            {
                bitsInBuffer -= 5;
                result[next++] = Alphabet[(buffer >> bitsInBuffer) & 0x1F];
            }

            // Keep only the bits not yet written so the buffer never overflows.
            buffer &= (1 << bitsInBuffer) - 1;
        }

        if (bitsInBuffer > 0)
        {
            result[next] = Alphabet[(buffer << (5 - bitsInBuffer)) & 0x1F];
        }

        return new string(result);
    }

    /// <summary>Encodes a value as exactly <paramref name="symbolCount"/> symbols, most significant first, zero-padded.</summary>
    /// <param name="value">The value to encode.</param>
    /// <param name="symbolCount">The number of symbols to write, 1 to <see cref="MaxSymbolsForUInt64"/>.</param>
    /// <returns>A string of exactly <paramref name="symbolCount"/> symbols.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="symbolCount"/> is outside 1-13, or <paramref name="value"/> needs more symbols than that.
    /// </exception>
    public static string Encode(ulong value, int symbolCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(symbolCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(symbolCount, MaxSymbolsForUInt64);
        if (symbolCount < MaxSymbolsForUInt64 && value >> (5 * symbolCount) != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(value), value, $"The value does not fit in {symbolCount} base-32 symbols.");
        }

        var result = new char[symbolCount];
        for (var i = symbolCount - 1; i >= 0; i--)
        {
            result[i] = Alphabet[(int)(value & 0x1F)];
            value >>= 5;
        }

        return new string(result);
    }

    /// <summary>
    /// Turns each random byte into one symbol using its low five bits. Every symbol is equally likely when
    /// the bytes are uniform, because 256 is an exact multiple of 32 (no modulo bias, nothing rejected).
    /// </summary>
    /// <param name="randomBytes">Uniformly random bytes, one per symbol wanted.</param>
    /// <returns>A string with one symbol per input byte.</returns>
    public static string FromRandomBytes(ReadOnlySpan<byte> randomBytes)
    {
        var result = new char[randomBytes.Length];
        for (var i = 0; i < randomBytes.Length; i++)
        {
            result[i] = Alphabet[randomBytes[i] & 0x1F];
        }

        return new string(result);
    }

    /// <summary>
    /// Maps a typed character to its canonical symbol: case-insensitive, <c>O</c> reads as <c>0</c>,
    /// <c>I</c> and <c>L</c> read as <c>1</c>, <c>U</c> reads as <c>V</c>.
    /// </summary>
    /// <param name="c">The character as typed.</param>
    /// <param name="symbol">The canonical upper-case symbol, or <c>'\0'</c> when the character is not valid.</param>
    /// <returns><see langword="true"/> when <paramref name="c"/> is a symbol or one of its look-alikes.</returns>
    /// <remarks>Only ASCII letters and digits are accepted; separators are the caller's business.</remarks>
    public static bool TryCanonicalizeSymbol(char c, out char symbol)
    {
        symbol = c switch
        {
            >= '0' and <= '9' => c,
            'O' or 'o' => '0',
            'I' or 'i' or 'L' or 'l' => '1',
            'U' or 'u' => 'V',
            >= 'A' and <= 'Z' => c,
            >= 'a' and <= 'z' => (char)(c - ('a' - 'A')),
            _ => '\0',
        };
        return symbol != '\0';
    }
}
