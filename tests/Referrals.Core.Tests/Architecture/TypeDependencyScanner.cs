using System.Reflection;
using System.Reflection.Emit;

namespace Referrals.Core.Tests.Architecture;

/// <summary>
/// Lists every type a type depends on: base types and interfaces, custom attributes (on the type, members,
/// parameters and return values), fields, properties, events, method and constructor signatures, generic
/// constraints, local variables, catch clauses, and the types and members its IL refers to (calls, <c>newobj</c>,
/// field access, <c>typeof</c>, casts). Compiler-generated nested types (lambdas, iterators, async state machines)
/// are scanned as part of the type that declares them.
/// </summary>
internal static class TypeDependencyScanner
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly OpCode[] _oneByteOpCodes = new OpCode[0x100];
    private static readonly OpCode[] _twoByteOpCodes = new OpCode[0x100];

    static TypeDependencyScanner()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var opCode = (OpCode)field.GetValue(null)!;
            var value = (ushort)opCode.Value;
            if (opCode.Size == 1)
            {
                _oneByteOpCodes[value] = opCode;
            }
            else
            {
                _twoByteOpCodes[value & 0xFF] = opCode;
            }
        }
    }

    /// <summary>Each dependency of <paramref name="type"/> with where it was found.</summary>
    public static IEnumerable<(string Where, Type Dependency)> DependenciesOf(Type type)
    {
        var found = new List<(string, Type)>();
        void Add(string where, Type? dependency)
        {
            foreach (var part in Unwrap(dependency))
            {
                found.Add(($"{type.FullName}: {where}", part));
            }
        }

        void AddAttributes(string where, IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var attribute in attributes)
            {
                Add($"{where} [attribute]", attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
                {
                    Add($"{where} [attribute argument]", argument.ArgumentType);
                    Add($"{where} [attribute argument]", argument.Value as Type);
                }
            }
        }

        Add("base type", type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add("interface", contract);
        }

        AddAttributes("type", type.CustomAttributes);
        foreach (var parameter in type.IsGenericTypeDefinition ? type.GetGenericArguments() : [])
        {
            foreach (var constraint in parameter.GetGenericParameterConstraints())
            {
                Add($"constraint on {parameter.Name}", constraint);
            }
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add($"field {field.Name}", field.FieldType);
            AddAttributes($"field {field.Name}", field.CustomAttributes);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add($"property {property.Name}", property.PropertyType);
            AddAttributes($"property {property.Name}", property.CustomAttributes);
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            Add($"event {@event.Name}", @event.EventHandlerType);
            AddAttributes($"event {@event.Name}", @event.CustomAttributes);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            var where = $"method {method.Name}";
            AddAttributes(where, method.CustomAttributes);
            if (method is MethodInfo info)
            {
                Add($"{where} return", info.ReturnType);
                AddAttributes($"{where} return", info.ReturnParameter.CustomAttributes);
                foreach (var constraint in info.IsGenericMethodDefinition ? info.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()) : [])
                {
                    Add($"{where} constraint", constraint);
                }
            }

            foreach (var parameter in method.GetParameters())
            {
                Add($"{where} parameter {parameter.Name}", parameter.ParameterType);
                AddAttributes($"{where} parameter {parameter.Name}", parameter.CustomAttributes);
            }

            foreach (var (bodyWhere, dependency) in BodyDependencies(method))
            {
                Add($"{where} {bodyWhere}", dependency);
            }
        }

        return found;
    }

    private static IEnumerable<(string Where, Type Dependency)> BodyDependencies(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return ("local", local.LocalType);
        }

        foreach (var clause in body.ExceptionHandlingClauses)
        {
            if (clause.Flags == ExceptionHandlingClauseOptions.Clause)
            {
                yield return ("catch", clause.CatchType!);
            }
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var opCode = il[position] == 0xFE ? _twoByteOpCodes[il[position + 1]] : _oneByteOpCodes[il[position]];
            position += opCode.Size;
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                    foreach (var dependency in TypesOf(member))
                    {
                        yield return ($"IL {opCode.Name}", dependency);
                    }

                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo? member)
    {
        switch (member)
        {
            case Type type:
                yield return type;
                break;
            case FieldInfo field:
                yield return field.DeclaringType!;
                yield return field.FieldType;
                break;
            case MethodBase method:
                if (method.DeclaringType is { } declaring)
                {
                    yield return declaring;
                }

                if (method is MethodInfo info)
                {
                    yield return info.ReturnType;
                    foreach (var argument in info.IsGenericMethod ? info.GetGenericArguments() : [])
                    {
                        yield return argument;
                    }
                }

                foreach (var parameter in method.GetParameters())
                {
                    yield return parameter.ParameterType;
                }

                break;
        }
    }

    private static int OperandSize(OperandType operandType) => operandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    /// <summary>A type and everything it is built from: element types of arrays and by-refs, generic arguments.</summary>
    private static IEnumerable<Type> Unwrap(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var element in Unwrap(type.GetElementType()))
            {
                yield return element;
            }

            yield break;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var part in Unwrap(type.GetGenericTypeDefinition()).Concat(type.GetGenericArguments().SelectMany(Unwrap)))
            {
                yield return part;
            }

            yield break;
        }

        yield return type;
    }
}
