using System.Security.Cryptography;

namespace Referrals.Core.Tests.Codes;

/// <summary>A deterministic "random" source: hands out the given bytes in order, starting over at the end.</summary>
internal sealed class SequenceRandomNumberGenerator : RandomNumberGenerator
{
    private readonly byte[] _sequence;
    private int _next;

    public SequenceRandomNumberGenerator(params byte[] sequence)
    {
        if (sequence.Length == 0)
        {
            throw new ArgumentException("Give at least one byte.", nameof(sequence));
        }

        _sequence = sequence;
    }

    public int BytesHandedOut { get; private set; }

    public override void GetBytes(byte[] data) => GetBytes(data.AsSpan());

    public override void GetBytes(Span<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = _sequence[_next];
            _next = (_next + 1) % _sequence.Length;
        }

        BytesHandedOut += data.Length;
    }
}
