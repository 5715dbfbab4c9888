namespace DigitalTwin.Sdk.Testing.Hosting;

/// <summary>Settings shared by every emulator.</summary>
public class EmulatorOptions
{
    /// <summary>Seed of the deterministic data set.</summary>
    /// <value>Defaults to 42.</value>
    public int Seed { get; set; } = 42;

    /// <summary>Largest number of requests kept in <see cref="EmulatorBase.Requests"/>; older ones are dropped.</summary>
    /// <value>Defaults to 10,000.</value>
    public int RequestLogCapacity { get; set; } = 10_000;

    /// <summary>Latency added to every HTTP response (simulates a slow network or server).</summary>
    /// <value>Defaults to <see cref="TimeSpan.Zero"/>.</value>
    public TimeSpan ResponseLatency { get; set; } = TimeSpan.Zero;
}
