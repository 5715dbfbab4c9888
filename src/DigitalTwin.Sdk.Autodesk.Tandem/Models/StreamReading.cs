namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>One reading of a stream property.</summary>
/// <param name="Timestamp">When the reading was taken.</param>
/// <param name="Value">The reading.</param>
public readonly record struct StreamReading(DateTimeOffset Timestamp, double Value);
