namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>What <c>GET /api/deviceAdcRead</c> measures on a device port (the <c>option</c> query parameter).</summary>
public enum AdcReadOption
{
    /// <summary>Port voltage in volts (<c>option=0</c>).</summary>
    Voltage = 0,

    /// <summary>Port current in amps (<c>option=1</c>).</summary>
    Current = 1,
}
