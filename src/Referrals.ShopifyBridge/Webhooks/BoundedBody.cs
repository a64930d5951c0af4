namespace Referrals.ShopifyBridge.Webhooks;

/// <summary>
/// Reads a request body into memory up to a limit, whatever <c>Content-Length</c> claims (it may be absent, with chunked
/// transfer, or wrong): at most <c>maxBytes + 1</c> bytes are ever read, so an oversized body is refused without being
/// read whole, and memory stays bounded by the limit.
/// </summary>
internal static class BoundedBody
{
    private const int InitialCapacity = 16 * 1024;

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    /// <param name="body">The request body stream.</param>
    /// <param name="declaredLength">The <c>Content-Length</c>, when sent; used only to size the buffer.</param>
    /// <param name="maxBytes">The largest body accepted.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var limit = maxBytes + 1;
        var buffer = new byte[declaredLength is { } declared and >= 0 and <= int.MaxValue ? (int)Math.Min(declared, limit) : Math.Min(InitialCapacity, limit)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total >= limit)
                {
                    return null;
                }

                // The declared length is filled: usually the body ends here, and the buffer is returned without a copy.
                if (total == declaredLength)
                {
                    var probe = new byte[1];
                    if (await body.ReadAsync(probe, cancellationToken) == 0)
                    {
                        return buffer;
                    }

                    Array.Resize(ref buffer, (int)Math.Min(Math.Max(total * 2L, InitialCapacity), limit));
                    buffer[total++] = probe[0];
                    continue;
                }

                Array.Resize(ref buffer, (int)Math.Min(Math.Max(total * 2L, InitialCapacity), limit));
            }

            var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                return total == buffer.Length ? buffer : buffer[..total];
            }

            total += read;
        }
    }
}
