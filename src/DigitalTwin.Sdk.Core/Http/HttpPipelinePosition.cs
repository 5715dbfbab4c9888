namespace DigitalTwin.Sdk.Core.Http;

/// <summary>Where a caller's handler runs in the client pipeline (<see cref="DigitalTwinClientOptions.AddHandler"/>).</summary>
public enum HttpPipelinePosition
{
    /// <summary>Once per call, outside the resilience pipeline: sees the final answer (or exception) after every retry.</summary>
    PerCall,

    /// <summary>Once per attempt, inside the resilience pipeline, before the rate limiter and the credential.</summary>
    PerAttempt,
}
