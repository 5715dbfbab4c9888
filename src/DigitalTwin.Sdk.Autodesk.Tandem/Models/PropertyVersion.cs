using System.Text.Json;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>One historical value of an element column, as returned by a scan with <see cref="ScanRequest.IncludeHistory"/>.</summary>
/// <param name="Timestamp">When the value was written.</param>
/// <param name="Value">The value.</param>
public readonly record struct PropertyVersion(DateTimeOffset Timestamp, JsonElement Value);
