namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>Parameters of <c>subscribeData</c> (doc: "Subscribing to New Data").</summary>
/// <param name="SensorIds">The sensors (at least one).</param>
/// <param name="MetricId">The metric new observations are converted to.</param>
/// <param name="UnitId">The unit new observations are converted to.</param>
public sealed record DataSubscriptionRequest(IReadOnlyList<string> SensorIds, string MetricId, string UnitId)
{
    /// <summary>Gets the metric calculation parameters, keyed by parameter id.</summary>
    public IReadOnlyDictionary<string, MetricParameter>? Parameters { get; init; }

    /// <summary>Gets the project sent as <c>params.projectIds</c>; <see langword="null"/> uses the client default, then the organisation's Default Project.</summary>
    public string? ProjectId { get; init; }
}
