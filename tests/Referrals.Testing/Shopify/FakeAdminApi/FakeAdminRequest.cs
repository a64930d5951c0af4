using System.Text.Json;

namespace Referrals.Testing.Shopify.FakeAdminApi;

/// <summary>One request the fake received, as it arrived, and how it answered.</summary>
/// <param name="Shop">The shop named by the <c>Host</c> header.</param>
/// <param name="Operation">The document's root field, for example <c>storeCreditAccountCredit</c> or <c>customers</c>; empty when unreadable.</param>
/// <param name="OperationName">The <c>operationName</c> sent, if any.</param>
/// <param name="Variables">The <c>variables</c> (an empty object when none).</param>
/// <param name="AccessToken">The <c>X-Shopify-Access-Token</c> header.</param>
/// <param name="Path">The request path, for example <c>/admin/api/2026-10/graphql.json</c>.</param>
/// <param name="ApiVersion">The version in the path; null when the path is not the GraphQL endpoint.</param>
/// <param name="ReceivedAt">When it arrived, by <see cref="FakeAdminApiOptions.TimeProvider"/>.</param>
/// <param name="StatusCode">The HTTP status answered (200 for THROTTLED and userErrors; 0 for a hang).</param>
/// <param name="Fault">The injected fault, if any.</param>
/// <param name="Throttled">Whether the answer was THROTTLED (injected or because the bucket was short).</param>
public sealed record FakeAdminRequest(
    string Shop,
    string Operation,
    string? OperationName,
    JsonElement Variables,
    string? AccessToken,
    string Path,
    string? ApiVersion,
    DateTimeOffset ReceivedAt,
    int StatusCode,
    FakeFault? Fault,
    bool Throttled);
