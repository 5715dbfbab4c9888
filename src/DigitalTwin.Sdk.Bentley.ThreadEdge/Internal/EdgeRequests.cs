using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>Builds every THREAD edge REST call of the doc, validating arguments first.</summary>
/// <remarks>Parameter names match the public client methods so <see cref="ArgumentException.ParamName"/> names the caller's argument.</remarks>
internal static class EdgeRequests
{
    public static EdgeRequest GetSerialNumber() => Get("api/serialNumber");

    public static EdgeRequest GetTime() => Get("api/time");

    public static EdgeRequest SetTime(DateTimeOffset time) =>
        Send(HttpMethod.Post, "api/time", new SetTimeRequest(time), ThreadEdgeJsonContext.Default.SetTimeRequest) with { SafeToRepeat = true };

    public static EdgeRequest GetTimeAccurate() => Get("api/timeAccurate");

    public static EdgeRequest GetChargeInputVoltage() => Get("api/chargeInputVoltage");

    public static EdgeRequest GetChargeInputCurrent() => Get("api/chargeInputCurrent");

    public static EdgeRequest GetBatteryVoltage() => Get("api/batteryVoltage");

    public static EdgeRequest GetStateOfCharge() => Get("api/stateOfCharge");

    public static EdgeRequest GetBatterySaver() => Get("api/batterySaver");

    public static EdgeRequest SetBatterySaver(bool enabled, int? low, int? high)
    {
        EdgeArguments.BatterySaver(low, high);
        return Send(HttpMethod.Put, "api/batterySaver", new BatterySaverRequest(enabled, low, high), ThreadEdgeJsonContext.Default.BatterySaverRequest);
    }

    public static EdgeRequest ReadAdc(int port, AdcReadOption option)
    {
        EdgeArguments.Port(port, nameof(port));
        EdgeArguments.Defined(option, nameof(option));
        return Get(string.Create(CultureInfo.InvariantCulture, $"api/deviceAdcRead?port={port}&option={(int)option}"));
    }

    public static EdgeRequest SetPortVoltage(int port, PortVoltage voltage)
    {
        EdgeArguments.Port(port, nameof(port));
        EdgeArguments.Defined(voltage, nameof(voltage));
        return Send(HttpMethod.Post, "api/deviceVoltage", new DeviceVoltageRequest(port, voltage), ThreadEdgeJsonContext.Default.DeviceVoltageRequest) with { SafeToRepeat = true };
    }

    public static EdgeRequest Sleep(TimeSpan duration)
    {
        var milliseconds = EdgeArguments.SleepMilliseconds(duration, nameof(duration));
        return Send(HttpMethod.Post, "api/sleep", new SleepRequest(milliseconds), ThreadEdgeJsonContext.Default.SleepRequest);
    }

    public static EdgeRequest GetTemperature() => Get("api/tempRead");

    public static EdgeRequest GetPressure() => Get("api/pressRead");

    public static EdgeRequest ReadLoopCurrent(int port)
    {
        EdgeArguments.Port(port, nameof(port));
        return Get(PortQuery("api/deviceAdcRead420", port));
    }

    public static EdgeRequest SetPortMode(int port, PortMode mode)
    {
        EdgeArguments.PortMode(port, mode, nameof(port), nameof(mode));
        return Send(HttpMethod.Post, "api/deviceRsSel", new PortModeRequest(port, mode), ThreadEdgeJsonContext.Default.PortModeRequest) with { SafeToRepeat = true };
    }

    public static EdgeRequest FlashLed() => new(HttpMethod.Post, "api/observation", null);

    public static EdgeRequest GetPortConfiguration(int port)
    {
        EdgeArguments.Port(port, nameof(port));
        return Get(PortQuery("api/configure", port));
    }

    public static EdgeRequest SetPortConfiguration(int port, PortConfiguration configuration)
    {
        EdgeArguments.Port(port, nameof(port));
        EdgeArguments.Configuration(configuration, nameof(configuration));
        return Send(HttpMethod.Put, PortQuery("api/configure", port), configuration, ThreadEdgeJsonContext.Default.PortConfiguration);
    }

    public static EdgeRequest RemovePortConfiguration(int port, IEnumerable<PortConfigurationProperty> properties)
    {
        EdgeArguments.Port(port, nameof(port));
        var list = EdgeArguments.Properties(properties, nameof(properties));
        return Send(HttpMethod.Delete, PortQuery("api/configure", port), new RemovePortConfigurationRequest(list), ThreadEdgeJsonContext.Default.RemovePortConfigurationRequest);
    }

    public static EdgeRequest GetInterfacePriority() => Get("api/interfacePriority");

    public static EdgeRequest SetInterfacePriority(PreferredInterface preferred) => preferred switch
    {
        PreferredInterface.Cellular => new(HttpMethod.Put, "api/interfacePriority/cellular", null),
        PreferredInterface.Ethernet => new(HttpMethod.Put, "api/interfacePriority/ethernet", null),
        _ => throw new ArgumentOutOfRangeException(nameof(preferred), preferred, "Choose Cellular or Ethernet."),
    };

    public static EdgeRequest SendMessage(int port, string message)
    {
        EdgeArguments.Port(port, nameof(port));
        ArgumentException.ThrowIfNullOrEmpty(message);
        return Send(HttpMethod.Post, "api/message", new PortMessageRequest(port, message), ThreadEdgeJsonContext.Default.PortMessageRequest);
    }

    public static EdgeRequest GetApplicationVersion() => Get("api/version");

    public static EdgeRequest GetFirmwareVersion() => Get("api/firmware");

    public static EdgeRequest GetHardwareVersion() => Get("api/hardware");

    public static EdgeRequest Update(UpdateSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var path = source.Kind switch
        {
            UpdateSourceKind.Version => "api/update?version=" + Uri.EscapeDataString(source.Value!),

            // Slashes stay readable, as in the doc's ?file=/tmp/snoopy-1.2.3.jar.
            UpdateSourceKind.LocalFile => "api/update?file=" + Uri.EscapeDataString(source.Value!).Replace("%2F", "/", StringComparison.Ordinal),
            _ => "api/update",
        };
        return new EdgeRequest(HttpMethod.Post, path, null);
    }

    public static EdgeRequest SetLed(bool accessible) =>
        Send(HttpMethod.Post, "api/accessible", new TextSwitchRequest(accessible), ThreadEdgeJsonContext.Default.TextSwitchRequest) with { SafeToRepeat = true };

    public static EdgeRequest GetCloudConnection() => Get("api/cloudConnection");

    public static EdgeRequest SetCloudConnection(bool enabled) =>
        Send(HttpMethod.Put, "api/cloudConnection", new TextSwitchRequest(enabled), ThreadEdgeJsonContext.Default.TextSwitchRequest);

    public static EdgeRequest GetDeviceConnection(int port)
    {
        EdgeArguments.Port(port, nameof(port));
        return Get(PortQuery("api/deviceConnection", port));
    }

    public static EdgeRequest SetDeviceConnection(int port, bool enabled)
    {
        EdgeArguments.Port(port, nameof(port));
        return Send(HttpMethod.Put, PortQuery("api/deviceConnection", port), new DeviceConnectionRequest(enabled), ThreadEdgeJsonContext.Default.DeviceConnectionRequest);
    }

    public static string PortSocketPath(int port)
    {
        EdgeArguments.Port(port, nameof(port));
        return string.Create(CultureInfo.InvariantCulture, $"ws/port/{port}");
    }

    private static string PortQuery(string path, int port) => string.Create(CultureInfo.InvariantCulture, $"{path}?port={port}");

    private static EdgeRequest Get(string path) => new(HttpMethod.Get, path, null);

    private static EdgeRequest Send<T>(HttpMethod method, string path, T body, JsonTypeInfo<T> typeInfo) =>
        new(method, path, JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
}
