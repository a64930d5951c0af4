namespace Referrals.Umbraco.Api.Models;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Total">How many rows match in all, not only on this page.</param>
/// <param name="Items">This page's rows.</param>
public sealed record Page<T>(int Total, IReadOnlyList<T> Items);
