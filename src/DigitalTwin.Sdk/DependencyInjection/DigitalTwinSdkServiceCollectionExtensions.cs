using DigitalTwin.Sdk;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers every DigitalTwin.Sdk vendor client that has a configuration section.</summary>
public static class DigitalTwinSdkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the client of every vendor whose <c>DigitalTwin:&lt;Vendor&gt;</c> section is present in
    /// <paramref name="configuration"/> (for example <c>DigitalTwin:LifecycleTwin</c>), exactly as the vendor's own
    /// <c>Add&lt;Vendor&gt;(section)</c> would: typed clients are singletons over <c>IHttpClientFactory</c>, and their options
    /// are validated at start-up with messages naming each missing key.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The app configuration (its <c>DigitalTwin</c> section is read), or the <c>DigitalTwin</c> section itself.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">No vendor section is present; the message names the sections looked for.</exception>
    public static IServiceCollection AddDigitalTwinSdk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration is IConfigurationSection { Key: DigitalTwinSdkVendors.RootSectionName } section
            ? section
            : configuration.GetSection(DigitalTwinSdkVendors.RootSectionName);

        var registered = 0;
        foreach (var vendor in DigitalTwinSdkVendors.All)
        {
            var vendorSection = root.GetSection(vendor.Key);
            if (vendorSection.Exists())
            {
                vendor.Register(services, vendorSection);
                registered++;
            }
        }

        if (registered == 0)
        {
            throw new InvalidOperationException(
                "AddDigitalTwinSdk found no vendor configuration; add one of the sections "
                + string.Join(", ", DigitalTwinSdkVendors.All.Select(v => v.SectionPath))
                + " (or call the vendor's own Add<Vendor> method).");
        }

        return services;
    }
}
