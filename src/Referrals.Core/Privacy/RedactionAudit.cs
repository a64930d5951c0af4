using System.Globalization;

namespace Referrals.Core.Privacy;

/// <summary>The audit details of an erasure: counts only, never the data erased.</summary>
public static class RedactionAudit
{
    /// <summary>Like <c>1 contact(s) erased, 2 stored webhook body(ies) emptied, 9 row(s) changed (Contacts=1, ...). note</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Details(RedactionResult result, string? note)
    {
        ArgumentNullException.ThrowIfNull(result);
        var bodies = result.RowsByTable.TryGetValue(InboxTable, out var inbox) ? inbox : 0;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{result.ContactsErased} contact(s) erased, {bodies} stored webhook body(ies) emptied, {result.TotalRows} row(s) changed ({result.Summary()}).");
        return string.IsNullOrWhiteSpace(note) ? text : text + " " + note.Trim();
    }

    /// <summary>The key of inbox rows in <see cref="RedactionResult.RowsByTable"/>.</summary>
    public const string InboxTable = "InboxMessages";
}
