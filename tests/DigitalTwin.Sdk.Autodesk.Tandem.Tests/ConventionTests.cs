using System.Reflection;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests;

public sealed class ConventionTests
{
    private static IEnumerable<MethodInfo> PublicMethods() =>
        typeof(TandemClient).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName);

    private static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>) || type.GetGenericTypeDefinition() == typeof(AsyncPageable<>)));

    [Fact]
    public void AsyncMethods_EndInAsync_AndTakeACancellationTokenLast()
    {
        var offenders = PublicMethods()
            .Where(m => IsAsync(m.ReturnType) && m.DeclaringType!.Namespace!.StartsWith("DigitalTwin.Sdk.Autodesk.Tandem", StringComparison.Ordinal))
            .Where(m => !m.Name.EndsWith("Async", StringComparison.Ordinal) || m.GetParameters().LastOrDefault()?.ParameterType != typeof(CancellationToken))
            .Select(m => m.DeclaringType!.Name + "." + m.Name)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void ListMethods_ReturnAsyncPageable()
    {
        var lists = PublicMethods()
            .Where(m => m.Name.StartsWith("Get", StringComparison.Ordinal) && m.Name.EndsWith("sAsync", StringComparison.Ordinal)
                && m.Name is not "GetLastValuesAsync" and not "GetReadingsAsync" and not "GetHistoryAsync")
            .ToList();

        Assert.NotEmpty(lists);
        Assert.All(lists, m => Assert.Equal(typeof(AsyncPageable<>), m.ReturnType.GetGenericTypeDefinition()));
    }
}
