using System.Security.Cryptography;

namespace Referrals.Core.Codes;

/// <summary>
/// Finds a referral code whose key is not yet taken: tries <see cref="ReferralCodeOptions.MaxAttempts"/>
/// codes, then grows the random part by one symbol and tries again, up to
/// <see cref="ReferralCodeOptions.MaxRandomLength"/>.
/// </summary>
/// <remarks>
/// The check and the later insert are not atomic: two requests can pick the same free key. The store must
/// keep a unique index on the key (per tenant) and, on a unique-key violation, call
/// <see cref="AllocateAsync"/> again. Thread-safe when the supplied <see cref="RandomNumberGenerator"/> is.
/// </remarks>
public sealed class ReferralCodeAllocator
{
    private readonly ReferralCodeGenerator _generator;
    private readonly int _maxAttempts;

    /// <summary>Creates an allocator.</summary>
    /// <param name="random">The source of randomness for the codes.</param>
    /// <param name="options">Lengths and attempts; copied.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> fail <see cref="ReferralCodeOptionsValidator"/>.</exception>
    public ReferralCodeAllocator(RandomNumberGenerator random, ReferralCodeOptions options)
    {
        _generator = new ReferralCodeGenerator(random, options);
        _maxAttempts = options.MaxAttempts;
    }

    /// <summary>Generates codes until one has a key that <paramref name="isKeyTaken"/> reports free.</summary>
    /// <param name="firstName">The advocate's first name for the prefix; null for none.</param>
    /// <param name="isKeyTaken">
    /// Answers whether a <see cref="GeneratedCode.LookupKey"/> is already in use (in the tenant). Called once per try.
    /// </param>
    /// <param name="cancellationToken">Stops between tries.</param>
    /// <returns>The first code whose key was reported free.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="isKeyTaken"/> is null.</exception>
    /// <exception cref="ReferralCodeExhaustedException">Every code tried was taken.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<GeneratedCode> AllocateAsync(
        string? firstName,
        Func<string, CancellationToken, ValueTask<bool>> isKeyTaken,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isKeyTaken);

        var attempts = 0;
        for (var length = _generator.RandomLength; length <= _generator.MaxRandomLength; length++)
        {
            for (var i = 0; i < _maxAttempts; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                attempts++;
                var code = _generator.Generate(firstName, length);
                if (!await isKeyTaken(code.LookupKey, cancellationToken).ConfigureAwait(false))
                {
                    return code;
                }
            }
        }

        throw new ReferralCodeExhaustedException(attempts, _generator.MaxRandomLength);
    }
}
