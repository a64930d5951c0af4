using System.Reflection;

namespace Referrals.Core.Tests.Architecture;

/// <summary>
/// CONVENTIONS.md rule 1: the engine references no host (ASP.NET Core, Umbraco, Shopify, HttpClient), and the pure
/// feature folders use no EF Core or Hangfire types; only <c>Persistence/</c>, <c>Jobs/</c> and the engine services adapt them.
/// </summary>
public sealed class CoreDependencyTests
{
    private static readonly Assembly _core = typeof(Money).Assembly;

    private static readonly string[] _forbiddenReferencePrefixes =
        ["Microsoft.AspNetCore", "Umbraco", "ShopifySharp", "Shopify", "System.Net.Http"];

    private static readonly string[] _pureNamespaces =
    [
        "Referrals.Core.Attribution",
        "Referrals.Core.Fraud",
        "Referrals.Core.Codes",
        "Referrals.Core.Contacts",
        "Referrals.Core.Rewards",
        "Referrals.Core.Tenants",
        "Referrals.Core.Referrals",
        "Referrals.Core.Review",
        "Referrals.Core.Orders",
        "Referrals.Core.Audit",
        "Referrals.Core.Satisfaction",
        "Referrals.Core.Asks",
        "Referrals.Core.Email",
        "Referrals.Core.Privacy",
        "Referrals.Core.Thanks",
        "Referrals.Core.Analytics",
    ];

    private static readonly string[] _infrastructureAssemblyPrefixes = ["Microsoft.EntityFrameworkCore", "Hangfire", "Npgsql"];

    private static bool IsIn(Type type, string @namespace) =>
        type.Namespace is { } ns && (ns == @namespace || ns.StartsWith(@namespace + ".", StringComparison.Ordinal));

    private static bool IsInfrastructure(Type type) =>
        type.Assembly.GetName().Name is { } name && _infrastructureAssemblyPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    private static List<string> InfrastructureUsesOf(IEnumerable<Type> types) =>
        types.SelectMany(TypeDependencyScanner.DependenciesOf)
            .Where(d => IsInfrastructure(d.Dependency))
            .Select(d => $"{d.Where} uses {d.Dependency.FullName} ({d.Dependency.Assembly.GetName().Name})")
            .Distinct()
            .ToList();

    [Test]
    public void Core_ReferencesNoHostOrHttpAssembly()
    {
        var references = _core.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.That(references, Is.Not.Empty);
        Assert.That(
            references.Where(name => _forbiddenReferencePrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))),
            Is.Empty);
    }

    [TestCaseSource(nameof(_pureNamespaces))]
    public void PureFeatureFolder_UsesNoEntityFrameworkOrHangfireType(string @namespace)
    {
        var types = _core.GetTypes().Where(t => IsIn(t, @namespace)).ToList();

        Assert.That(types, Is.Not.Empty, $"{@namespace} has no types: update the list of pure feature folders.");
        Assert.That(InfrastructureUsesOf(types), Is.Empty);
    }

    [Test]
    public void Scanner_FindsEntityFramework_WhenATypeIsAPersistenceAdapter()
    {
        var persistence = _core.GetTypes().Where(t => IsIn(t, "Referrals.Core.Persistence")).ToList();

        Assert.That(InfrastructureUsesOf(persistence), Has.Some.Contains("Microsoft.EntityFrameworkCore"));
    }

    [Test]
    public void Scanner_FindsHangfire_WhenItIsUsedOnlyInsideAMethodBody()
    {
        Assert.That(SampleWithHangfireInItsBody.JobsLibraryName(), Is.Not.Empty);

        Assert.That(InfrastructureUsesOf([typeof(SampleWithHangfireInItsBody)]), Has.Some.Contains("Hangfire.BackgroundJob"));
    }

    [Test]
    public void Scanner_FindsNothing_WhenATypeUsesOnlyTheBaseLibrary() =>
        Assert.That(InfrastructureUsesOf([typeof(Money)]), Is.Empty);

    /// <summary>Mentions Hangfire only in IL, not in any signature, field or attribute.</summary>
    private static class SampleWithHangfireInItsBody
    {
        public static string JobsLibraryName() => typeof(Hangfire.BackgroundJob).Assembly.GetName().Name!;
    }
}
