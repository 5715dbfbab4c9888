using System.Reflection;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests;

/// <summary>Every public awaitable or async-enumerable method ends in Async and takes a CancellationToken last.</summary>
public sealed class ConventionTests
{
    public static TheoryData<string> PublicAsyncMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in AsyncMethods())
        {
            data.Add($"{method.DeclaringType!.Name}.{method.Name}");
        }

        return data;
    }

    [Fact]
    public void Assembly_HasPublicAsyncMethods()
    {
        // 34 REST methods on the four sub-client interfaces, 5 on ThreadPortSocket, 4 on IThreadPortSocket.
        Assert.Equal(43, AsyncMethods().Count());
    }

    [Theory]
    [MemberData(nameof(PublicAsyncMethods))]
    public void AsyncMethod_EndsInAsync_AndTakesCancellationTokenLast(string name)
    {
        var method = AsyncMethods().First(m => $"{m.DeclaringType!.Name}.{m.Name}" == name);
        Assert.EndsWith("Async", method.Name, StringComparison.Ordinal);
        var parameters = method.GetParameters();
        Assert.NotEmpty(parameters);
        Assert.Equal(typeof(CancellationToken), parameters[^1].ParameterType);
        Assert.True(parameters[^1].HasDefaultValue, $"{name}: the CancellationToken should default");
    }

    private static IEnumerable<MethodInfo> AsyncMethods() =>
        typeof(ThreadEdgeClient).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && IsAsync(m.ReturnType) && m.Name != nameof(IAsyncDisposable.DisposeAsync));

    private static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(Task<>) || d == typeof(ValueTask<>) || d == typeof(IAsyncEnumerable<>)));
}
