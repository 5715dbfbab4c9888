using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk;

/// <summary>The vendors <c>AddDigitalTwinSdk</c> knows, in registration order: one line per vendor package.</summary>
public static class DigitalTwinSdkVendors
{
    /// <summary>The configuration section holding one sub-section per vendor.</summary>
    public const string RootSectionName = "DigitalTwin";

    /// <summary>Gets every known vendor.</summary>
    public static IReadOnlyList<DigitalTwinSdkVendor> All { get; } =
    [
        new("LifecycleTwin", static (services, section) => services.AddLifecycleTwin(section)),
        new("BuildingX", static (services, section) => services.AddBuildingX(section)),
        new("Tandem", static (services, section) => services.AddTandem(options => section.Bind(options))),
        new("ITwinIoT", static (services, section) => services.AddITwinIoT(section)),
        new("ThreadEdge", static (services, section) => services.AddThreadEdge(section)),
    ];
}
