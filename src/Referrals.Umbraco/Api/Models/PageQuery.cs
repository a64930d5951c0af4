using Microsoft.AspNetCore.Mvc;

namespace Referrals.Umbraco.Api.Models;

/// <summary>Paging and sorting from the query string: <c>skip</c>, <c>take</c>, <c>sort</c>, <c>direction</c>.</summary>
public sealed class PageQuery
{
    /// <summary>Default page size.</summary>
    public const int DefaultTake = 25;

    /// <summary>Largest page size.</summary>
    public const int MaximumTake = 100;

    /// <summary>Rows to skip (≥ 0).</summary>
    [FromQuery(Name = "skip")]
    public int Skip { get; set; }

    /// <summary>Rows to return (1–100).</summary>
    [FromQuery(Name = "take")]
    public int Take { get; set; } = DefaultTake;

    /// <summary>Sort field; each endpoint lists its own.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary><c>asc</c> or <c>desc</c>; null for the field's default.</summary>
    [FromQuery(Name = "direction")]
    public string? Direction { get; set; }

    /// <summary>Problems with the paging values, keyed by parameter; empty when fine.</summary>
    internal Dictionary<string, string> Problems(IReadOnlyCollection<string> sortFields)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Skip < 0)
        {
            problems["skip"] = "skip must be 0 or more.";
        }

        if (Take is < 1 or > MaximumTake)
        {
            problems["take"] = $"take must be between 1 and {MaximumTake}.";
        }

        if (Sort is not null && !sortFields.Contains(Sort, StringComparer.OrdinalIgnoreCase))
        {
            problems["sort"] = $"sort must be one of: {string.Join(", ", sortFields)}.";
        }

        if (Direction is not null && !Direction.Equals("asc", StringComparison.OrdinalIgnoreCase) && !Direction.Equals("desc", StringComparison.OrdinalIgnoreCase))
        {
            problems["direction"] = "direction must be asc or desc.";
        }

        return problems;
    }

    /// <summary>The sort field in lower case, or <paramref name="fallback"/>.</summary>
    internal string SortOr(string fallback) => (Sort ?? fallback).ToLowerInvariant();

    /// <summary>Whether to sort descending, given the field's default.</summary>
    internal bool Descending(bool byDefault) => Direction is null ? byDefault : Direction.Equals("desc", StringComparison.OrdinalIgnoreCase);
}
