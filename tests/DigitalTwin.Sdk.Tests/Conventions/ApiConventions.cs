using System.Reflection;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Tests.Conventions;

/// <summary>
/// Reflection checks of the SDK's public API conventions, returning one message per violation (empty = compliant).
/// The rules are those of docs/client-template.md; <see cref="ApiConventionTests"/> runs them over every shipped assembly and
/// <see cref="ApiConventionSelfTests"/> proves each can fail on a deliberately bad sample.
/// </summary>
internal static partial class ApiConventions
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>
    /// Every public method returning <see cref="Task"/> or <see cref="ValueTask"/> (generic or not), and every public instance
    /// method returning <see cref="IAsyncEnumerable{T}"/> or <see cref="AsyncPageable{T}"/>, ends in <c>Async</c> and takes a <see cref="CancellationToken"/> as its last parameter.
    /// Members that implement or override a framework member (e.g. <c>DisposeAsync</c>) and <see cref="AsyncPageable{T}"/>'s
    /// own paging members are exempt.
    /// </summary>
    public static IReadOnlyList<string> AsyncMethods(Assembly assembly, Func<Type, bool>? typeFilter = null)
    {
        var violations = new List<string>();
        foreach (var method in PublicMethods(assembly, typeFilter).Where(m => IsAsyncShaped(m) && !IsFrameworkContract(m) && !IsPageableMember(m)))
        {
            if (!method.Name.EndsWith("Async", StringComparison.Ordinal))
            {
                violations.Add($"{Describe(method)} is asynchronous but its name does not end in Async.");
            }

            var parameters = method.GetParameters();
            if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken))
            {
                violations.Add($"{Describe(method)} does not take a CancellationToken as its last parameter.");
            }
        }

        return violations;
    }

    /// <summary>
    /// Every public method returning a sequence asynchronously returns <see cref="AsyncPageable{T}"/>, not a bare
    /// <see cref="IAsyncEnumerable{T}"/>, so callers can page and resume. <paramref name="isStream"/> exempts genuine streams
    /// (subscriptions, live data) that have no pages.
    /// </summary>
    public static IReadOnlyList<string> ListMethods(Assembly assembly, Func<MethodInfo, bool>? isStream = null, Func<Type, bool>? typeFilter = null)
    {
        var violations = new List<string>();
        foreach (var method in PublicMethods(assembly, typeFilter).Where(m => !IsPageableMember(m) && !IsFrameworkContract(m)))
        {
            var returns = method.ReturnType;
            if (IsAsyncEnumerable(returns) && !IsPageable(returns) && isStream?.Invoke(method) != true)
            {
                violations.Add($"{Describe(method)} returns {Name(returns)}; list methods return AsyncPageable<T>.");
            }

            if (IsAwaitableOfList(returns) && isStream?.Invoke(method) != true)
            {
                violations.Add($"{Describe(method)} returns {Name(returns)}; list methods return AsyncPageable<T> and page lazily.");
            }

            if (method.Name.Length > 4 && method.Name.StartsWith("List", StringComparison.Ordinal) && char.IsUpper(method.Name[4]))
            {
                violations.Add($"{Describe(method)} is named List…; many-returning methods are Get<Things>Async.");
            }
        }

        return violations;
    }

    /// <summary>
    /// Every public, non-static class whose name ends in <c>Client</c> implements an interface, and each of its public
    /// instance methods and properties implements an interface member, so apps fake it through the interface (the one
    /// mocking style; <c>virtual</c> does not count). Members of framework contracts (<c>Dispose</c>) count as interface
    /// members: the template's root clients are sealed and disposable (docs/client-template.md).
    /// </summary>
    public static IReadOnlyList<string> FakeableClients(Assembly assembly, Func<Type, bool>? typeFilter = null)
    {
        var violations = new List<string>();
        foreach (var type in PublicTypes(assembly, typeFilter).Where(t => t.IsClass && !(t.IsAbstract && t.IsSealed) && t.Name.EndsWith("Client", StringComparison.Ordinal)))
        {
            var ownInterfaces = type.GetInterfaces().Where(i => i.Namespace?.StartsWith("DigitalTwin.", StringComparison.Ordinal) == true).ToList();
            if (ownInterfaces.Count == 0)
            {
                violations.Add($"{type.FullName} implements no interface of the SDK (add I{type.Name}).");
            }

            var implemented = ownInterfaces
                .SelectMany(i => type.GetInterfaceMap(i).TargetMethods)
                .ToHashSet();
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName || IsAccessor(m)))
            {
                var fakeable = implemented.Contains(method) || method.DeclaringType == typeof(object) || IsFrameworkContract(method);
                if (!fakeable)
                {
                    violations.Add($"{Describe(method)} is not an interface member.");
                }
            }
        }

        return violations;
    }

    internal static bool IsAccessor(MethodInfo method) => method.Name.StartsWith("get_", StringComparison.Ordinal) || method.Name.StartsWith("set_", StringComparison.Ordinal);

    internal static IEnumerable<Type> PublicTypes(Assembly assembly, Func<Type, bool>? typeFilter) =>
        assembly.GetExportedTypes().Where(t => typeFilter?.Invoke(t) ?? true);

    private static IEnumerable<MethodInfo> PublicMethods(Assembly assembly, Func<Type, bool>? typeFilter) =>
        PublicTypes(assembly, typeFilter)
            .Where(t => !typeof(Delegate).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(Declared))
            .Where(m => !m.IsSpecialName);

    /// <summary>
    /// Awaitables always; sequences only from instance (client) methods, since a static factory such as
    /// <c>PageableHelpers.Create</c> builds a pageable without doing any I/O.
    /// </summary>
    private static bool IsAsyncShaped(MethodInfo method)
    {
        var type = method.ReturnType;
        return type == typeof(Task) || type == typeof(ValueTask) || IsGeneric(type, typeof(Task<>)) || IsGeneric(type, typeof(ValueTask<>))
            || (!method.IsStatic && IsAsyncEnumerable(type));
    }

    private static bool IsAsyncEnumerable(Type type) =>
        IsGeneric(type, typeof(IAsyncEnumerable<>)) || type.GetInterfaces().Any(i => IsGeneric(i, typeof(IAsyncEnumerable<>)));

    private static bool IsPageable(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsGeneric(current, typeof(AsyncPageable<>)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAwaitableOfList(Type type)
    {
        if (!IsGeneric(type, typeof(Task<>)) && !IsGeneric(type, typeof(ValueTask<>)))
        {
            return false;
        }

        var result = type.GetGenericArguments()[0];
        return result != typeof(string) && result.IsGenericType && (IsGeneric(result, typeof(IReadOnlyList<>)) || IsGeneric(result, typeof(List<>)) || IsGeneric(result, typeof(IEnumerable<>)));
    }

    internal static bool IsGeneric(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;

    /// <summary>Overrides or interface implementations of members declared by the framework (e.g. <c>DisposeAsync</c>, <c>GetAsyncEnumerator</c>).</summary>
    private static bool IsFrameworkContract(MethodInfo method)
    {
        if (method.GetBaseDefinition().DeclaringType is { } declaring && declaring != method.DeclaringType && !IsOurs(declaring))
        {
            return true;
        }

        var type = method.DeclaringType!;
        if (type.IsInterface)
        {
            return false;
        }

        foreach (var contract in type.GetInterfaces().Where(i => !IsOurs(i)))
        {
            if (type.GetInterfaceMap(contract).TargetMethods.Contains(method))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPageableMember(MethodInfo method) => method.DeclaringType is { } t && IsPageable(t);

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("DigitalTwin.", StringComparison.Ordinal) == true;

    internal static string Describe(MethodInfo method) =>
        $"{method.DeclaringType?.FullName}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => Name(p.ParameterType)))})";

    internal static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>" : type.Name;
}
