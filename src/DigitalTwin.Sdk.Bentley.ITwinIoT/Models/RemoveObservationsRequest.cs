namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// The body of the iTwin Platform Sensor Data "Remove Data" (<c>DELETE sensor-data/data/observations</c>):
/// <c>{"sensorId", "startDate", "endDate", "timestamps"}</c>.
/// </summary>
/// <param name="SensorId">The sensor (required).</param>
public sealed record RemoveObservationsRequest(string SensorId)
{
    /// <summary>Gets the start of the range to remove.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Gets the end of the range to remove.</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>Gets individual timestamps to remove.</summary>
    public IReadOnlyList<DateTimeOffset>? Timestamps { get; init; }
}
