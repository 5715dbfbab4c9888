using System.Reflection;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Paging;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Conventions;

public sealed class ApiConventionTests
{
    public static TheoryData<string> SdkAssemblies => new()
    {
        typeof(DigitalTwinException).Assembly.GetName().Name!,
        typeof(LifecycleTwinClient).Assembly.GetName().Name!,
    };

    [Theory]
    [MemberData(nameof(SdkAssemblies))]
    public void PublicAsyncMethods_EndInAsyncAndTakeACancellationTokenLast(string assemblyName)
    {
        var violations = ApiConventions.AsyncMethods(Assembly.Load(assemblyName));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(SdkAssemblies))]
    public void ListMethods_ReturnAsyncPageable(string assemblyName)
    {
        var violations = ApiConventions.ListMethods(Assembly.Load(assemblyName));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(SdkAssemblies))]
    public void PublicClients_AreInterfaceBackedOrVirtual(string assemblyName)
    {
        var violations = ApiConventions.FakeableClients(Assembly.Load(assemblyName));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void LifecycleTwin_HasClientsAndListMethodsForTheChecksToCover()
    {
        var assembly = typeof(LifecycleTwinClient).Assembly;
        var lists = assembly.GetExportedTypes().SelectMany(t => t.GetMethods())
            .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(AsyncPageable<>))
            .ToList();

        Assert.True(lists.Count >= 4, $"expected the LT list methods, found {lists.Count}");
        Assert.Contains(assembly.GetExportedTypes(), t => t.Name == "IAssetsClient");
        Assert.Contains(assembly.GetExportedTypes(), t => t.Name == "LifecycleTwinClient");
    }

    [Fact]
    public void AsyncMethods_ReportsMissingSuffixAndMissingToken()
    {
        var violations = ApiConventions.AsyncMethods(typeof(ApiConventionTests).Assembly, t => t == typeof(BadSamples.BadAsyncApi));

        Assert.Contains(violations, v => v.Contains("Fetch(String)", StringComparison.Ordinal) && v.Contains("does not end in Async", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Fetch(String)", StringComparison.Ordinal) && v.Contains("CancellationToken", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("TokenFirstAsync(CancellationToken, String)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Stream(CancellationToken) is asynchronous", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(".Create()", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("GoodAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("DisposeAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void ListMethods_ReportsBareAsyncEnumerablesAndBufferedLists()
    {
        var violations = ApiConventions.ListMethods(typeof(ApiConventionTests).Assembly, typeFilter: t => t == typeof(BadSamples.BadListApi));

        Assert.Contains(violations, v => v.Contains("GetThingsAsync", StringComparison.Ordinal) && v.Contains("IAsyncEnumerable<String>", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("GetAllThingsAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("GetPagedThingsAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(
            ApiConventions.ListMethods(typeof(ApiConventionTests).Assembly, m => m.Name == "GetThingsAsync", t => t == typeof(BadSamples.BadListApi)),
            v => v.Contains("GetThingsAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void FakeableClients_ReportsSealedMembersAndMissingInterface()
    {
        var violations = ApiConventions.FakeableClients(typeof(ApiConventionTests).Assembly, t => t.DeclaringType == typeof(BadSamples));

        Assert.Contains(violations, v => v.Contains("NoInterfaceClient implements no interface", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("NoInterfaceClient.get_Name()", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("HalfVirtualClient.Extra()", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("HalfVirtualClient.Run", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("HalfVirtualClient.get_Items", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("DisposableClient", StringComparison.Ordinal));
    }

    [Fact]
    public void OnePublicNamespace_PlusModels()
    {
        var namespaces = typeof(LifecycleTwinClient).Assembly.GetExportedTypes().Select(t => t.Namespace).Distinct().Order().ToList();

        Assert.Equal(
            ["DigitalTwin.Sdk.Siemens.LifecycleTwin", "DigitalTwin.Sdk.Siemens.LifecycleTwin.Models", "Microsoft.Extensions.DependencyInjection"],
            namespaces);
    }

    [Fact]
    public void PublicClientClasses_AreSealedWithoutProtectedConstructors()
    {
        var clients = typeof(LifecycleTwinClient).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(clients);
        Assert.All(clients, t => Assert.True(t.IsSealed, $"{t.Name} is not sealed (mocking goes through interfaces)"));
        Assert.All(clients, t => Assert.DoesNotContain(t.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance), c => c.IsFamily || c.IsFamilyOrAssembly));
    }

    /// <summary>Deliberately non-compliant types proving the checks can fail.</summary>
    public static class BadSamples
    {
        public interface IHalfVirtual
        {
            void Run();
        }

        public sealed class BadAsyncApi : IAsyncDisposable
        {
            public Task Fetch(string id) => Task.CompletedTask;

            public Task TokenFirstAsync(CancellationToken cancellationToken, string id) => Task.CompletedTask;

            public Task<int> GoodAsync(string id, CancellationToken cancellationToken) => Task.FromResult(0);

            public IAsyncEnumerable<string> Stream(CancellationToken cancellationToken) => AsyncEnumerable.Empty<string>();

            public static AsyncPageable<string> Create() => PageableHelpers.Create<string>((_, _, _) => Task.FromResult(new Page<string>([], null)));

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }

        public sealed class BadListApi
        {
            public IAsyncEnumerable<string> GetThingsAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<string>();

            public Task<IReadOnlyList<string>> GetAllThingsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

            public AsyncPageable<string> GetPagedThingsAsync(CancellationToken cancellationToken) =>
                PageableHelpers.Create<string>((_, _, _) => Task.FromResult(new Page<string>([], null)), prefetch: false, cancellationToken);
        }

        public sealed class NoInterfaceClient
        {
            public string Name => "x";
        }

        public sealed class DisposableClient : IHalfVirtual, IDisposable
        {
            public void Run()
            {
            }

            public void Dispose()
            {
            }
        }

        public class HalfVirtualClient : IHalfVirtual
        {
            public virtual IReadOnlyList<string> Items { get; } = [];

            public void Run()
            {
            }

            public void Extra()
            {
            }
        }
    }
}
