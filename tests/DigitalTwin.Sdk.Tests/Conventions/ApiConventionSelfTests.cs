using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Tests.Conventions.Samples;

namespace DigitalTwin.Sdk.Tests.Conventions;

/// <summary>Each convention check run over deliberately non-compliant samples, proving it can fail.</summary>
[Trait("Category", "Conventions")]
public sealed class ApiConventionSelfTests
{
    private const string SamplesNamespace = "DigitalTwin.Sdk.Tests.Conventions.Samples";

    private static readonly System.Reflection.Assembly Self = typeof(ApiConventionSelfTests).Assembly;

    [Fact]
    public void AsyncMethods_ReportsMissingSuffixAndMissingToken()
    {
        var violations = ApiConventions.AsyncMethods(Self, t => t == typeof(BadSamples.BadAsyncApi));

        Assert.Contains(violations, v => v.Contains("Fetch(String)", StringComparison.Ordinal) && v.Contains("does not end in Async", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Fetch(String)", StringComparison.Ordinal) && v.Contains("CancellationToken", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("TokenFirstAsync(CancellationToken, String)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Stream(CancellationToken) is asynchronous", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(".Create()", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("GoodAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("DisposeAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void ListMethods_ReportsBareAsyncEnumerablesBufferedListsAndListNames()
    {
        var violations = ApiConventions.ListMethods(Self, typeFilter: t => t == typeof(BadSamples.BadListApi));

        Assert.Contains(violations, v => v.Contains("GetThingsAsync", StringComparison.Ordinal) && v.Contains("IAsyncEnumerable<String>", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("GetAllThingsAsync", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("ListThingsAsync", StringComparison.Ordinal) && v.Contains("named List", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("GetPagedThingsAsync", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("Listen", StringComparison.Ordinal));
        Assert.DoesNotContain(
            ApiConventions.ListMethods(Self, m => m.Name == "GetThingsAsync", t => t == typeof(BadSamples.BadListApi)),
            v => v.Contains("GetThingsAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void FakeableClients_ReportsNonInterfaceMembersAndMissingInterface()
    {
        var violations = ApiConventions.FakeableClients(Self, t => t.DeclaringType == typeof(BadSamples));

        Assert.Contains(violations, v => v.Contains("NoInterfaceClient implements no interface", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("NoInterfaceClient.get_Name()", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("HalfVirtualClient.Extra()", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("HalfVirtualClient.get_Items()", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("HalfVirtualClient.Run", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("DisposableClient", StringComparison.Ordinal));
    }

    [Fact]
    public void VirtualMocking_ReportsVirtualMembersAndProtectedConstructors()
    {
        var violations = ApiConventions.VirtualMocking(Self, t => t == typeof(ExtensionPointBase), t => t.Namespace == SamplesNamespace);

        Assert.Contains(violations, v => v.Contains("MockableThing has a protected constructor", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("MockableThing.RunAsync(", StringComparison.Ordinal) && v.Contains("is virtual", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("MockableThing.get_Name()", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("OpenRecord", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("AbstractBase", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("ExtensionPointBase", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("ToString", StringComparison.Ordinal));
    }

    [Fact]
    public void PublicNamespaces_ReportsStrayNamespacesAndNonStaticDependencyInjectionTypes()
    {
        var violations = ApiConventions.PublicNamespaces(Self, ns => ns == SamplesNamespace, t => t.Namespace is SamplesNamespace or "Microsoft.Extensions.DependencyInjection" or "DigitalTwin.Sdk.Tests.Conventions.Samples.Internal");

        Assert.Contains(violations, v => v.Contains("Samples.Internal.StrayType", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("NotAnExtensionsClass", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("GoodServiceCollectionExtensions", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("GoodClient", StringComparison.Ordinal));
    }

    [Fact]
    public void RootClient_ReportsEveryTemplateDeviation()
    {
        var violations = ApiConventions.RootClient(Self, SamplesNamespace, "Bad", hasCredential: true);

        Assert.Contains(violations, v => v.EndsWith("BadClient is not sealed.", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("does not implement " + SamplesNamespace + ".IBadClient", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("does not implement IDisposable", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("has 2 public constructors", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("BadClient(BadOptions options, HttpClient transport = …, ITokenProvider credential = …)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("BadClient.Sub is typed by the class BadSubClient", StringComparison.Ordinal));
        Assert.Single(ApiConventions.RootClient(Self, SamplesNamespace, "Missing", hasCredential: false));
        Assert.Empty(ApiConventions.RootClient(Self, SamplesNamespace, "Good", hasCredential: true));
        Assert.NotEmpty(ApiConventions.RootClient(Self, SamplesNamespace, "Good", hasCredential: false));
    }

    [Fact]
    public void Options_ReportsWrongBaseMissingTokenUrlAndOtherTokenEndpointNames()
    {
        var violations = ApiConventions.Options(Self, SamplesNamespace, "Bad", hasTokenEndpoint: true, t => t.Namespace == SamplesNamespace);

        Assert.Contains(violations, v => v.Contains("BadOptions does not derive from DigitalTwinClientOptions", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("BadOptions has no Uri TokenUrl", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("BadOptions.AuthUrl", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("BadOptions.ImsTokenUrl", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("GoodOptions", StringComparison.Ordinal));
        Assert.Empty(ApiConventions.Options(Self, SamplesNamespace, "Good", hasTokenEndpoint: true, t => t == typeof(GoodOptions)));
    }

    [Fact]
    public void ExtensionData_ReportsOtherNamesForUnmodelledJson()
    {
        var violations = ApiConventions.ExtensionData(Self, t => t.Namespace == SamplesNamespace);

        Assert.Contains(violations, v => v.Contains("ModelWithExtensionData.ExtensionData", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("ModelWithOtherName.Extra", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("GoodModel", StringComparison.Ordinal));
    }

    [Fact]
    public void DependencyInjection_ReportsMissingOverloadsAndWrongReturnTypes()
    {
        var violations = ApiConventions.DependencyInjection(Self, SamplesNamespace, "Bad");

        Assert.Contains(violations, v => v.Contains("AddBad(IServiceCollection, Action<BadOptions>) returns IServiceCollection", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("AddBad(IServiceCollection, String, IConfiguration) is missing", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("AddBad(IServiceCollection, String, Action<BadOptions>) is missing", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("AddBad(IServiceCollection, IConfiguration)", StringComparison.Ordinal));
        Assert.Empty(ApiConventions.DependencyInjection(Self, SamplesNamespace, "Good"));
        Assert.Single(ApiConventions.DependencyInjection(Self, SamplesNamespace, "Missing"));
    }

    [Fact]
    public void SecretsInToString_ReportsASecretPrintedByToString()
    {
        var violations = ApiConventions.SecretsInToString(Self, t => t.Namespace == SamplesNamespace);

        Assert.Contains(violations, v => v.Contains("BadOptions.ToString() contains the value of ClientSecret", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("BadOptions.ToString() contains the value of ApiKey", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("GoodOptions", StringComparison.Ordinal));
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

            public Task<string> ListThingsAsync(CancellationToken cancellationToken) => Task.FromResult("");

            public Task<string> ListenAsync(CancellationToken cancellationToken) => Task.FromResult("");

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
