namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// Parameters of <c>getData</c>, <c>getObservations</c> and <c>getObservationsSummary</c> (doc: "Retrieving Data").
/// </summary>
/// <param name="SensorId">The sensor id (required).</param>
/// <param name="MetricId">The metric id (required by getData and getObservationsSummary).</param>
/// <param name="UnitId">The unit id (required by getData and getObservationsSummary).</param>
public sealed record DataQuery(string SensorId, string? MetricId, string? UnitId)
{
    /// <summary>Gets the metric calculation parameters, keyed by parameter id.</summary>
    public IReadOnlyDictionary<string, MetricParameter>? Parameters { get; init; }

    /// <summary>Gets the start of the range (inclusive); <see langword="null"/> from the first observation.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Gets the end of the range (inclusive); <see langword="null"/> up to the most recent observation.</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>Gets the limit.</summary>
    /// <value>Defaults to <see cref="DataLimit.None"/>.</value>
    public DataLimit Limit { get; init; }

    /// <summary>Gets the project (or iTwin asset id with a JWT); <see langword="null"/> uses the client default, then the organisation's Default Project.</summary>
    public string? ProjectId { get; init; }
}
