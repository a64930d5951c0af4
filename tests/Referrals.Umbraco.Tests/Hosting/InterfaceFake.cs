using System.Reflection;

namespace Referrals.Umbraco.Tests.Hosting;

/// <summary>
/// A stand-in for a wide Umbraco service interface whose real implementation lives in assemblies we cannot load here:
/// only the named methods answer; any other call fails the test loudly.
/// </summary>
public class InterfaceFake : DispatchProxy
{
    private Dictionary<string, Func<object?[], object?>> _methods = [];

    public static T Of<T>(params (string Method, Func<object?[], object?> Answer)[] methods)
        where T : class
    {
        var proxy = Create<T, InterfaceFake>();
        ((InterfaceFake)(object)proxy)._methods = methods.ToDictionary(m => m.Method, m => m.Answer);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var key = targetMethod.Name;
        var typed = $"{targetMethod.Name}({string.Join(",", targetMethod.GetParameters().Select(p => p.ParameterType.Name))})";
        if (_methods.TryGetValue(typed, out var answer) || _methods.TryGetValue(key, out answer))
        {
            return answer(args ?? []);
        }

        throw new NotSupportedException($"The fake does not answer {typed}.");
    }
}
