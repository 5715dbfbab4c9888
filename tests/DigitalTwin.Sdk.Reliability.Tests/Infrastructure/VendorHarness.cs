using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Testing.Hosting;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// One vendor client wired to its emulator for the contract suites: an idempotent read, and where the vendor has
/// them a non-idempotent POST and a POST the client declares idempotent, each with the path the emulator logs.
/// </summary>
public abstract class VendorHarness : IAsyncDisposable
{
    /// <summary>Gets the upper bound of any single operation in the suite (no test may hang).</summary>
    public static TimeSpan Bound { get; } = TimeSpan.FromSeconds(30);

    public abstract EmulatorBase Emulator { get; }

    /// <summary>Gets the path the idempotent read (a GET) goes to.</summary>
    public abstract string ReadPath { get; }

    /// <summary>Gets the path of a POST the client must not repeat once it may have reached the server, or null.</summary>
    public virtual string? UnsafePostPath => null;

    /// <summary>Gets the path of a POST the client declares idempotent, or null.</summary>
    public virtual string? IdempotentPostPath => null;

    /// <summary>Gets the attempt timeout of the suite (on the harness's client clock).</summary>
    public static TimeSpan AttemptTimeout { get; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>Gets the largest body the client accepts in the suite.</summary>
    public static long MaxResponseBytes => 256 * 1024;

    /// <summary>
    /// Small delays and timeouts (on the harness's fake clocks, where it has them, so they cost no real time); Trace
    /// logging with bodies.
    /// </summary>
    public static void Tune(DigitalTwinClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.MaxRetries = 3;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        options.Retry.MaxRetryAfter = TimeSpan.FromSeconds(5);
        options.AttemptTimeout = AttemptTimeout;
        options.TotalTimeout = TimeSpan.FromSeconds(20);
        options.MaxResponseBytes = MaxResponseBytes;
        options.LogBodies = true;
    }

    public abstract Task ReadAsync(CancellationToken cancellationToken);

    /// <summary>The emulator's clock: the fake one of <paramref name="clocks"/>, or the system clock without them.</summary>
    protected static TimeProvider EmulatorClock(HarnessClocks? clocks) => clocks?.Emulator ?? TimeProvider.System;

    public virtual Task UnsafePostAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public virtual Task IdempotentPostAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>Counts the requests the emulator logged for <paramref name="path"/> with <paramref name="method"/>.</summary>
    public int Logged(string path, string method) =>
        Emulator.Requests.ForPath(path).Count(r => r.Path.Equals(path, StringComparison.OrdinalIgnoreCase) && r.Method == method);

    public abstract ValueTask DisposeAsync();
}
