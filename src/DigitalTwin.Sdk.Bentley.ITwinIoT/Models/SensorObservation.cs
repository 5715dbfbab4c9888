namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A new observation pushed by a data subscription.</summary>
/// <param name="SensorId">The sensor, when the server names it (or when the subscription has one sensor); otherwise <see langword="null"/>.</param>
/// <param name="Observation">The observation, in the subscription's metric and unit.</param>
public readonly record struct SensorObservation(string? SensorId, Observation Observation);
