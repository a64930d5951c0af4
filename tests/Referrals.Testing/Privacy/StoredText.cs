namespace Referrals.Testing.Privacy;

/// <summary>One stored text or blob value, read back as text.</summary>
/// <param name="Table">The table.</param>
/// <param name="Column">The column.</param>
/// <param name="Value">The value (blobs decoded as UTF-8).</param>
public sealed record StoredText(string Table, string Column, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Table}.{Column} = {(Value.Length > 120 ? Value[..120] + "…" : Value)}";
}
