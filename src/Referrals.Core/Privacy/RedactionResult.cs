namespace Referrals.Core.Privacy;

/// <summary>What one redaction changed.</summary>
/// <param name="ContactsErased">Contacts whose personal data was erased now (contacts already erased are not counted again).</param>
/// <param name="RowsByTable">Rows changed or deleted per table, tables with no change left out.</param>
public sealed record RedactionResult(int ContactsErased, IReadOnlyDictionary<string, int> RowsByTable)
{
    /// <summary>All rows changed or deleted.</summary>
    public int TotalRows => RowsByTable.Values.Sum();

    /// <summary>A short, personal-data-free summary for the audit log, like <c>Contacts=1, Referrals=2</c>.</summary>
    public string Summary() =>
        RowsByTable.Count == 0 ? "no rows" : string.Join(", ", RowsByTable.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
