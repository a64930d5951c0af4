using System.Reflection;

namespace Referrals.Core.Tests.Configuration;

/// <summary>
/// Pairs each public <c>Default*</c> constant (or static read-only field) of an options type with the property it is
/// the default of (<c>DefaultHoldDays</c> → <c>HoldDays</c>), so one test row per default checks a new instance.
/// </summary>
internal static class DocumentedDefaults
{
    private const string Prefix = "Default";

    /// <summary>One test case per default constant of <typeparamref name="T"/>, named after the constant.</summary>
    public static IEnumerable<TestCaseData> Of<T>()
    {
        var constants = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name.StartsWith(Prefix, StringComparison.Ordinal) && (f.IsLiteral || f.IsInitOnly))
            .Select(f => new TestCaseData(f.Name).SetArgDisplayNames(f.Name))
            .ToList();
        if (constants.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has no public {Prefix}* constants to check.");
        }

        return constants;
    }

    /// <summary>The constant's value and the matching property's value on a new <typeparamref name="T"/>.</summary>
    public static (object? Constant, object? NewInstance) Read<T>(string constantName)
        where T : new()
    {
        var field = typeof(T).GetField(constantName, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{constantName} does not exist.");
        var propertyName = constantName[Prefix.Length..];
        var property = typeof(T).GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{constantName} is the default of no property: {propertyName} does not exist.");
        return (field.GetValue(null), property.GetValue(new T()));
    }
}
