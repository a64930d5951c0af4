using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Referrals.ShopifyBridge.Merchants;

/// <summary>
/// The operator password's hash, <c>PBKDF2-SHA256$iterations$salt$hash</c> (salt and hash base64). Make one with
/// <c>dotnet Referrals.ShopifyBridge.dll hash-password</c> (reads the password from standard input).
/// </summary>
internal static class OperatorPasswordHash
{
    /// <summary>The prefix naming the algorithm.</summary>
    public const string Algorithm = "PBKDF2-SHA256";

    /// <summary>Iterations used for new hashes.</summary>
    public const int DefaultIterations = 210_000;

    /// <summary>The fewest iterations accepted.</summary>
    public const int MinimumIterations = 100_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A new hash of <paramref name="password"/> with a random salt.</summary>
    public static string Create(string password, RandomNumberGenerator random, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = new byte[SaltBytes];
        random.GetBytes(salt);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Algorithm}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Whether <paramref name="value"/> is a hash in the expected form.</summary>
    public static bool IsWellFormed(string? value) => TryParse(value, out _, out _, out _);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>; constant time in the password.</summary>
    public static bool Verify(string? hash, string? password)
    {
        if (string.IsNullOrEmpty(password) || !TryParse(hash, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string? value, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = (value ?? string.Empty).Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < MinimumIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= SaltBytes && hash.Length == HashBytes;
    }
}
