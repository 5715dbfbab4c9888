namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>One observation to upload: all fields are mandatory (doc: "Uploading Data").</summary>
/// <param name="SensorId">An existing sensor.</param>
/// <param name="Timestamp">When it was recorded.</param>
/// <param name="Values">Raw metric id → value; at least one.</param>
public sealed record ObservationUpload(string SensorId, DateTimeOffset Timestamp, IReadOnlyDictionary<string, double> Values);
