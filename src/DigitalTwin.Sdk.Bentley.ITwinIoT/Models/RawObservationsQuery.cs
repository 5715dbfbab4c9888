namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// The body of the iTwin Platform Sensor Data "Query Raw Data" (<c>POST sensor-data/data/observations</c>):
/// <c>{"sensorId", "startDate", "endDate"}</c>.
/// </summary>
/// <param name="SensorId">The sensor (required).</param>
public sealed record RawObservationsQuery(string SensorId)
{
    /// <summary>Gets the start of the range.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Gets the end of the range.</summary>
    public DateTimeOffset? EndDate { get; init; }
}
