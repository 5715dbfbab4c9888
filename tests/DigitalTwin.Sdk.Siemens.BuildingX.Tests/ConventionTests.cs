using System.Reflection;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests;

public sealed class ConventionTests
{
    private static readonly Type[] ClientInterfaces = typeof(IBuildingXClient).Assembly.GetExportedTypes()
        .Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void AsyncMethods_EndInAsync_AndTakeACancellationTokenLast()
    {
        var methods = ClientInterfaces.SelectMany(t => t.GetMethods()).Where(m => !m.IsSpecialName).ToList();

        Assert.NotEmpty(methods);
        Assert.All(methods, m =>
        {
            var isAsync = typeof(Task).IsAssignableFrom(m.ReturnType) || IsPageable(m.ReturnType);
            Assert.True(isAsync, $"{m.DeclaringType!.Name}.{m.Name} is not async");
            Assert.EndsWith("Async", m.Name, StringComparison.Ordinal);
            var last = m.GetParameters()[^1];
            Assert.Equal(typeof(CancellationToken), last.ParameterType);
            Assert.True(last.HasDefaultValue, $"{m.Name}: the CancellationToken should be optional");
        });
    }

    [Fact]
    public void ListMethods_ReturnAsyncPageable()
    {
        var lists = ClientInterfaces.SelectMany(t => t.GetMethods())
            .Where(m => m.Name.StartsWith("List", StringComparison.Ordinal) || (m.Name.StartsWith("Get", StringComparison.Ordinal) && m.Name.EndsWith("sAsync", StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(lists);
        Assert.All(lists, m => Assert.True(IsPageable(m.ReturnType), $"{m.DeclaringType!.Name}.{m.Name} returns {m.ReturnType.Name}"));
    }

    [Fact]
    public void Models_AreRecordsThatKeepUnknownMembers()
    {
        var attributes = typeof(IBuildingXClient).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Attributes", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(attributes);
        Assert.All(attributes, t =>
        {
            Assert.NotNull(t.GetMethod("<Clone>$"));
            Assert.Contains(t.GetProperties(), p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonExtensionDataAttribute>() is not null);
        });
    }

    private static bool IsPageable(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AsyncPageable<>);
}
