using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Referrals.Umbraco.Tests.Hosting;

namespace Referrals.Umbraco.Tests.Api;

/// <summary>docs/umbraco-api.md is the client's contract: every endpoint the site maps has its section there.</summary>
public sealed partial class ApiContractDocumentTests
{
    [Test]
    public async Task EveryMappedEndpoint_IsDocumentedInTheContract()
    {
        await using var site = await UmbracoTestSite.StartAsync();
        var contract = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "umbraco-api.md"));
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("umbraco/referrals/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/')["umbraco/referrals/api/v1".Length..], "}")}"))
            .ToList();

        Assert.That(endpoints, Is.Not.Empty);
        foreach (var endpoint in endpoints)
        {
            Assert.That(contract, Does.Contain($"### `{endpoint}`"), endpoint);
        }
    }

    [GeneratedRegex(@":[a-z]+\}")]
    private static partial Regex Constraint();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReferralPlugins.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
