using System.Diagnostics;
using DigitalTwin.Sdk.Core;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// Base of every reliability test class: starts a vendor harness with a secret audit, bounds every call in time,
/// and at the end asserts no secret leaked and no task exception went unobserved.
/// </summary>
/// <typeparam name="THarness">The vendor harness.</typeparam>
public abstract class ReliabilityTest<THarness> : IAsyncLifetime
    where THarness : class
{
    private THarness? _harness;

    public SecretAudit Audit { get; } = new();

    public THarness Harness => _harness ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _harness = await StartHarnessAsync();

    public async Task DisposeAsync()
    {
        if (_harness is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        Audit.AssertClean();
        Audit.Dispose();
        UnobservedTaskExceptions.AssertNone();
    }

    private protected abstract Task<THarness> StartHarnessAsync();

    /// <summary>Runs <paramref name="call"/> under the suite bound; a hang fails the test instead of stalling the run.</summary>
    protected static async Task<TimeSpan> TimedAsync(Func<CancellationToken, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var watch = Stopwatch.StartNew();
        await call(CancellationToken.None).WaitAsync(VendorHarness.Bound);
        return watch.Elapsed;
    }

    /// <summary>Runs <paramref name="call"/> under the suite bound, expects <typeparamref name="TException"/> and records it for the audit.</summary>
    protected async Task<TException> FailsWithAsync<TException>(Func<CancellationToken, Task> call)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(call);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => call(CancellationToken.None).WaitAsync(VendorHarness.Bound));
        Audit.Observe(ex);
        Assert.True(ex is DigitalTwinException and TException, $"expected {typeof(TException).Name}, got {ex.GetType().Name}: {ex.Message} | inner: {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}");
        return (TException)ex;
    }
}
