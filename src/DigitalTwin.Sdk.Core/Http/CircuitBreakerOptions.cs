namespace DigitalTwin.Sdk.Core.Http;

/// <summary>When the circuit breaker stops sending requests to a failing service.</summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Gets or sets a value indicating whether the circuit breaker is on.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the share of failed attempts (5xx, 408, timeouts, connection failures) that opens the circuit.</summary>
    /// <value>Defaults to 0.5.</value>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets the number of attempts in the sampling window before the ratio counts.</summary>
    /// <value>Defaults to 20.</value>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>Gets or sets the sampling window.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the circuit stays open.</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
