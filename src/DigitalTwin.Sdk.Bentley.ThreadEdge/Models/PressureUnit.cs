namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>Unit of the atmospheric pressure a THREAD reports.</summary>
public enum PressureUnit
{
    /// <summary>Decapascal (daPa, 10 Pa): THREADs newer than V11.</summary>
    Decapascal,

    /// <summary>Hectopascal (hPa, 100 Pa): V11 and older THREADs.</summary>
    Hectopascal,
}
