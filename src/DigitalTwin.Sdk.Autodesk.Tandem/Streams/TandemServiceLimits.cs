namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Limits the Tandem service enforces and the client respects before sending.</summary>
public static class TandemServiceLimits
{
    /// <summary>The largest request body the service accepts, in bytes (10 MB).</summary>
    public const long MaxRequestBodyBytes = 10L * 1024 * 1024;

    /// <summary>Gets the shortest interval between two stream-ingest requests (1 request per second).</summary>
    public static TimeSpan StreamIngestInterval { get; } = TimeSpan.FromSeconds(1);
}
