using DigitalTwin.Sdk.Core;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// Base of every reliability test class: starts a vendor harness with a secret audit on fake clocks, drives those
/// clocks while a call waits for time, bounds every call in real time, and at the end asserts no secret leaked and no
/// task exception went unobserved.
/// </summary>
/// <typeparam name="THarness">The vendor harness.</typeparam>
public abstract class ReliabilityTest<THarness> : IAsyncLifetime
    where THarness : class
{
    private THarness? _harness;

    protected ReliabilityTest() => Clocks = new HarnessClocks(Audit.Transport);

    public SecretAudit Audit { get; } = new();

    /// <summary>Gets the fake clocks the harness's client and emulator run on (pass them to the harness's <c>StartAsync</c>).</summary>
    public HarnessClocks Clocks { get; }

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

    /// <summary>
    /// Runs <paramref name="call"/>, driving <see cref="Clocks"/> while it waits for time, under the suite bound (a hang
    /// fails the test instead of stalling the run); returns how much fake time the call took.
    /// </summary>
    protected Task<TimeSpan> TimedAsync(Func<CancellationToken, Task> call) => TimedAsync(call, CancellationToken.None);

    /// <summary>As <see cref="TimedAsync(Func{CancellationToken, Task})"/>, with the caller's token.</summary>
    protected Task<TimeSpan> TimedAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Clocks.DriveAsync(call(cancellationToken));
    }

    /// <summary>Runs <paramref name="call"/> as <see cref="TimedAsync(Func{CancellationToken, Task})"/>, expects <typeparamref name="TException"/> and records it for the audit.</summary>
    protected async Task<TException> FailsWithAsync<TException>(Func<CancellationToken, Task> call)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(call);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => TimedAsync(call));
        Audit.Observe(ex);
        Assert.True(ex is DigitalTwinException and TException, $"expected {typeof(TException).Name}, got {ex.GetType().Name}: {ex.Message} | inner: {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}");
        return (TException)ex;
    }
}
