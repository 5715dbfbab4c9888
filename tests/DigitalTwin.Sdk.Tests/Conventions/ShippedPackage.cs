using System.Reflection;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Redis;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.Hosting;

namespace DigitalTwin.Sdk.Tests.Conventions;

/// <summary>One shipped package as the convention tests see it.</summary>
/// <param name="Assembly">The package's assembly.</param>
/// <param name="Namespace">Its root namespace (= package name).</param>
/// <param name="Vendor">The vendor name of <c>&lt;Vendor&gt;Client</c>, or <see langword="null"/> for Core, the umbrella package, Redis and Testing.</param>
/// <param name="HasTokenEndpoint">Whether the vendor has a token endpoint (options carry <c>TokenUrl</c>, the client takes a credential).</param>
internal sealed record ShippedPackage(Assembly Assembly, string Namespace, string? Vendor, bool HasTokenEndpoint)
{
    /// <summary>The vendors, as named in <c>DigitalTwin.Sdk.Testing.&lt;Vendor&gt;</c>.</summary>
    private static readonly string[] EmulatorNamespaces = ["LifecycleTwin", "BuildingX", "Tandem", "ITwinIoT", "ThreadEdge"];

    /// <summary>Shared emulator infrastructure used by every vendor's emulator.</summary>
    private static readonly string[] SharedTestingNamespaces = ["Faults", "Hosting", "Redis"];

    public static IReadOnlyList<ShippedPackage> All { get; } =
    [
        new(typeof(DigitalTwinException).Assembly, "DigitalTwin.Sdk.Core", null, false),
        new(typeof(LifecycleTwinClient).Assembly, "DigitalTwin.Sdk.Siemens.LifecycleTwin", "LifecycleTwin", true),
        new(typeof(BuildingXClient).Assembly, "DigitalTwin.Sdk.Siemens.BuildingX", "BuildingX", true),
        new(typeof(TandemClient).Assembly, "DigitalTwin.Sdk.Autodesk.Tandem", "Tandem", true),
        new(typeof(ITwinIoTClient).Assembly, "DigitalTwin.Sdk.Bentley.ITwinIoT", "ITwinIoT", true),
        new(typeof(ThreadEdgeClient).Assembly, "DigitalTwin.Sdk.Bentley.ThreadEdge", "ThreadEdge", false),
        new(typeof(DigitalTwinSdkVendor).Assembly, "DigitalTwin.Sdk", null, false),
        new(typeof(RedisRateLimiterFactory).Assembly, "DigitalTwin.Sdk.Redis", null, false),
        new(typeof(EmulatorBase).Assembly, "DigitalTwin.Sdk.Testing", null, false),
    ];

    public static IReadOnlyList<ShippedPackage> Vendors { get; } = [.. All.Where(p => p.Vendor is not null)];

    public static TheoryData<string> AllNames => [.. All.Select(p => p.Name)];

    public static TheoryData<string> VendorNames => [.. Vendors.Select(p => p.Name)];

    public string Name => Assembly.GetName().Name!;

    public static ShippedPackage Get(string name) => All.Single(p => p.Name == name);

    /// <summary>
    /// The namespaces a public type of this package may live in: the package namespace and <c>.Models</c> for a vendor;
    /// the package namespace and its sub-namespaces for Core; <c>DigitalTwin.Sdk.Testing.&lt;Vendor&gt;</c> plus the shared
    /// <c>Faults</c>, <c>Hosting</c> and <c>Redis</c> for Testing. (<c>Microsoft.Extensions.DependencyInjection</c> is checked separately.)
    /// </summary>
    public bool IsPublicNamespace(string ns) => Namespace switch
    {
        "DigitalTwin.Sdk.Core" => ns == Namespace || ns.StartsWith(Namespace + ".", StringComparison.Ordinal),
        "DigitalTwin.Sdk.Testing" => EmulatorNamespaces.Concat(SharedTestingNamespaces).Any(v => ns == $"{Namespace}.{v}"),
        "DigitalTwin.Sdk" => ns == Namespace,
        _ => ns == Namespace || ns == Namespace + ".Models",
    };
}
