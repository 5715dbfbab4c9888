using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk;

/// <summary>One vendor that <c>AddDigitalTwinSdk</c> can register: its configuration key and its registration.</summary>
public sealed class DigitalTwinSdkVendor
{
    private readonly Action<IServiceCollection, IConfiguration> _register;

    /// <summary>Initializes a vendor entry.</summary>
    /// <param name="key">The vendor's key under <c>DigitalTwin</c>, e.g. <c>LifecycleTwin</c>.</param>
    /// <param name="register">Registers the vendor's client from its configuration section.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or contains a colon.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="register"/> is <see langword="null"/>.</exception>
    public DigitalTwinSdkVendor(string key, Action<IServiceCollection, IConfiguration> register)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(register);
        if (key.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A vendor key is a single configuration key, without ':'.", nameof(key));
        }

        Key = key;
        _register = register;
    }

    /// <summary>Gets the vendor's key under <c>DigitalTwin</c>, e.g. <c>LifecycleTwin</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the configuration path of the vendor's section, e.g. <c>DigitalTwin:LifecycleTwin</c>.</summary>
    public string SectionPath => DigitalTwinSdkVendors.RootSectionName + ":" + Key;

    /// <summary>Registers the vendor's client bound to <paramref name="section"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The vendor's configuration section.</param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="section"/> is <see langword="null"/>.</exception>
    public void Register(IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        _register(services, section);
    }

    /// <summary>Returns the section path.</summary>
    /// <returns>The vendor's section path.</returns>
    public override string ToString() => SectionPath;
}
