namespace Referrals.ShopifyBridge.Tests.Webhooks;

/// <summary>
/// A request body that never ends (or ends after <c>length</c> bytes) and cannot say its length, so it travels chunked;
/// counts what the server read.
/// </summary>
internal sealed class EndlessStream(long length = long.MaxValue) : Stream
{
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - BytesRead);
        buffer.AsSpan(offset, n).Fill((byte)'a');
        Interlocked.Add(ref _read, n);
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = (int)Math.Min(buffer.Length, length - BytesRead);
        buffer.Span[..n].Fill((byte)'a');
        Interlocked.Add(ref _read, n);
        return ValueTask.FromResult(n);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
