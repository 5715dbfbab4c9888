namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <summary>Colour of the exterior LED of a simulated THREAD.</summary>
public enum ThreadLedColor
{
    /// <summary>Red: not accessible / no healthy cloud connection.</summary>
    Red,

    /// <summary>Green: accessible / healthy cloud connection.</summary>
    Green,
}
