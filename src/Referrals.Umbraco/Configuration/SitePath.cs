namespace Referrals.Umbraco.Configuration;

/// <summary>Tells a site-relative path from anything a browser could read as another host.</summary>
internal static class SitePath
{
    /// <summary>
    /// True for <c>/</c> and <c>/x…</c>; false for empty, absolute URLs, protocol-relative <c>//host</c>, <c>/\host</c>
    /// (browsers read a backslash as a slash) and control characters.
    /// </summary>
    public static bool IsLocal(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return false;
        }

        if (path.Length > 1 && (path[1] == '/' || path[1] == '\\'))
        {
            return false;
        }

        foreach (var c in path)
        {
            if (char.IsControl(c) || c == '\\')
            {
                return false;
            }
        }

        return true;
    }
}
