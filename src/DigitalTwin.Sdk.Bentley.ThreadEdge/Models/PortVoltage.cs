namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>Output voltage of a device port (<c>POST /api/deviceVoltage</c>, <c>value</c>).</summary>
public enum PortVoltage
{
    /// <summary>Power off (<c>0</c>).</summary>
    Off = 0,

    /// <summary>12 volts (<c>1</c>).</summary>
    Volts12 = 1,

    /// <summary>15 volts (<c>2</c>).</summary>
    Volts15 = 2,
}
