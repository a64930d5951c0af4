namespace Referrals.Umbraco.Api.Infrastructure;

/// <summary>
/// How a friend appears in lists: the name they were introduced by, else their address with the local part hidden
/// (<c>c…@example.com</c>), so a list shows who without spreading the address; null once both were erased.
/// </summary>
internal static class FriendMask
{
    public static string? Show(string? name, string? email)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            return name.Trim();
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "…" : $"{email[0]}…{email[at..]}";
    }
}
