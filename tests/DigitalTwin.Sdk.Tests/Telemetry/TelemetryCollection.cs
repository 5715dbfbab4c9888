namespace DigitalTwin.Sdk.Tests.Telemetry;

/// <summary>Listeners see every client in the process, so the telemetry tests run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
