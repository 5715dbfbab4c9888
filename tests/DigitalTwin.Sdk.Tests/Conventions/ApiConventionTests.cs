using System.Reflection;

namespace DigitalTwin.Sdk.Tests.Conventions;

/// <summary>
/// The rules of docs/client-template.md, checked by reflection over every shipped assembly
/// (<see cref="ShippedPackage.All"/>). <see cref="ApiConventionSelfTests"/> proves each check can fail.
/// </summary>
[Trait("Category", "Conventions")]
public sealed class ApiConventionTests
{
    /// <summary>
    /// Many-returning methods whose vendor answer is not a paged resource, by declaring type and name (interface and
    /// class): live streams (getData/getObservations frames pushed over the socket, a THREAD port's records, a Tandem scan
    /// the service streams as one answer, the results of an upload as its batches complete) return
    /// <see cref="IAsyncEnumerable{T}"/>; answers the vendor sends whole in one message (iTwin IoT's getNodes/getDevices/
    /// getSensors by id, its device and sensor type catalogues, a Tandem element's history) return the list.
    /// </summary>
    private static readonly HashSet<string> NotPaged =
    [
        .. Both("DigitalTwin.Sdk.Bentley.ITwinIoT", "ITwinIoTSocketClient", "GetDataAsync", "GetObservationsAsync", "UploadInBatchesAsync", "GetNodesAsync", "GetDevicesAsync", "GetSensorsAsync"),
        .. Both("DigitalTwin.Sdk.Bentley.ITwinIoT", "ITwinIoTRestClient", "UploadInBatchesAsync", "GetDeviceTypesAsync", "GetSensorTypesAsync"),
        .. Both("DigitalTwin.Sdk.Bentley.ThreadEdge", "ThreadPortSocket", "ReadMessagesAsync", "ReadRecordsAsync"),
        .. Both("DigitalTwin.Sdk.Autodesk.Tandem", "TandemModelDataClient", "ScanRowsAsync", "GetHistoryAsync"),
    ];

    /// <summary>
    /// Public non-sealed classes designed for derivation, by full name: the client-authoring API of Core, which a vendor
    /// package subclasses to describe its error bodies and transient answers (docs/architecture.md).
    /// </summary>
    private static readonly HashSet<string> ExtensionPoints =
    [
        "DigitalTwin.Sdk.Core.Pipeline.ErrorBodyParser",
        "DigitalTwin.Sdk.Core.Pipeline.ResponseClassifier",
    ];

    [Fact]
    public void ShippedPackages_CoverEverySrcProject()
    {
        var srcProjects = Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "src"))
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(srcProjects, ShippedPackage.All.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedPackage.AllNames), MemberType = typeof(ShippedPackage))]
    public void PublicAsyncMethods_EndInAsyncAndTakeACancellationTokenLast(string assemblyName) =>
        AssertNone(ApiConventions.AsyncMethods(ShippedPackage.Get(assemblyName).Assembly));

    [Theory]
    [MemberData(nameof(ShippedPackage.AllNames), MemberType = typeof(ShippedPackage))]
    public void ManyReturningMethods_ReturnAsyncPageableAndAreNotNamedList(string assemblyName) =>
        AssertNone(ApiConventions.ListMethods(ShippedPackage.Get(assemblyName).Assembly, m => NotPaged.Contains($"{m.DeclaringType?.FullName}.{m.Name}")));

    [Theory]
    [MemberData(nameof(ShippedPackage.AllNames), MemberType = typeof(ShippedPackage))]
    public void PublicClients_AreFakedThroughTheirInterfaces(string assemblyName) =>
        AssertNone(ApiConventions.FakeableClients(ShippedPackage.Get(assemblyName).Assembly));

    [Theory]
    [MemberData(nameof(ShippedPackage.AllNames), MemberType = typeof(ShippedPackage))]
    public void PublicClasses_HaveNoVirtualMembersOrProtectedConstructorsForMocking(string assemblyName) =>
        AssertNone(ApiConventions.VirtualMocking(ShippedPackage.Get(assemblyName).Assembly, t => ExtensionPoints.Contains(t.FullName!)));

    [Theory]
    [MemberData(nameof(ShippedPackage.AllNames), MemberType = typeof(ShippedPackage))]
    public void PublicTypes_LiveInThePackageNamespaces(string assemblyName)
    {
        var package = ShippedPackage.Get(assemblyName);

        AssertNone(ApiConventions.PublicNamespaces(package.Assembly, package.IsPublicNamespace));
    }

    [Theory]
    [MemberData(nameof(ShippedPackage.AllNames), MemberType = typeof(ShippedPackage))]
    public void UnmodelledJson_IsKeptInAdditionalProperties(string assemblyName) =>
        AssertNone(ApiConventions.ExtensionData(ShippedPackage.Get(assemblyName).Assembly));

    [Theory]
    [MemberData(nameof(ShippedPackage.AllNames), MemberType = typeof(ShippedPackage))]
    public void OptionsToString_NeverContainsASecret(string assemblyName) =>
        AssertNone(ApiConventions.SecretsInToString(ShippedPackage.Get(assemblyName).Assembly));

    [Theory]
    [MemberData(nameof(ShippedPackage.VendorNames), MemberType = typeof(ShippedPackage))]
    public void RootClient_FollowsTheTemplate(string assemblyName)
    {
        var package = ShippedPackage.Get(assemblyName);

        AssertNone(ApiConventions.RootClient(package.Assembly, package.Namespace, package.Vendor!, hasCredential: package.HasTokenEndpoint));
    }

    [Theory]
    [MemberData(nameof(ShippedPackage.VendorNames), MemberType = typeof(ShippedPackage))]
    public void Options_AreNamedForTheVendorAndCallTheTokenEndpointTokenUrl(string assemblyName)
    {
        var package = ShippedPackage.Get(assemblyName);

        AssertNone(ApiConventions.Options(package.Assembly, package.Namespace, package.Vendor!, package.HasTokenEndpoint));
    }

    [Theory]
    [MemberData(nameof(ShippedPackage.VendorNames), MemberType = typeof(ShippedPackage))]
    public void DependencyInjection_HasTheFourOverloads(string assemblyName)
    {
        var package = ShippedPackage.Get(assemblyName);

        AssertNone(ApiConventions.DependencyInjection(package.Assembly, package.Namespace, package.Vendor!));
    }

    [Fact]
    public void Checks_SeeTheSurfaceTheyClaimToCover()
    {
        foreach (var package in ShippedPackage.All)
        {
            Assert.NotEmpty(package.Assembly.GetExportedTypes());
        }

        var lifecycleTwin = ShippedPackage.Get("DigitalTwin.Sdk.Siemens.LifecycleTwin").Assembly;
        var pageables = lifecycleTwin.GetExportedTypes().SelectMany(t => t.GetMethods())
            .Count(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Core.Paging.AsyncPageable<>));
        Assert.True(pageables >= 4, $"expected the Lifecycle Twin list methods, found {pageables}");
        Assert.All(ShippedPackage.Vendors, p => Assert.NotNull(p.Assembly.GetType($"{p.Namespace}.{p.Vendor}Client")));
    }

    private static IEnumerable<string> Both(string ns, string type, params string[] methods) =>
        methods.SelectMany(m => new[] { $"{ns}.I{type}.{m}", $"{ns}.{type}.{m}" });

    private static void AssertNone(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, $"{violations.Count} violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
}
