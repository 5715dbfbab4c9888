using DigitalTwin.Sdk.TestUtilities;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// The fake clocks of a harness: one for the client (retries, Retry-After waits, attempt and total timeouts, token
/// expiry, pacing) and one for the emulator (request log stamps, <c>Fault.Delay</c>, token expiry), always advanced
/// together, so both read the same time.
/// </summary>
/// <remarks>
/// <see cref="DriveAsync"/> moves time only while the code under test waits for it: it jumps to the next due timer when
/// that timer is a wait (a back-off, a Retry-After, a pacing delay, an emulator's held answer), and to a timeout only
/// when the emulator holds (with a <c>Fault.Delay</c>) every request the client is waiting for, as the transport reports
/// them. While a request is simply being served on the real sockets, time stands still, so no timeout can fire because
/// the machine is slow.
/// </remarks>
public sealed class HarnessClocks
{
    private readonly RecordingTransport _transport;

    /// <summary>Initializes the clocks; <paramref name="transport"/> (the clients' transport) reports the requests in flight.</summary>
    public HarnessClocks(RecordingTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _transport.Clock = Client;
    }

    public StepClock Client { get; } = new(TestTime.Start);

    public StepClock Emulator { get; } = new(TestTime.Start);

    /// <summary>Gets the time both clocks read.</summary>
    public DateTimeOffset Now => Client.GetUtcNow();

    /// <summary>
    /// Drives both clocks until <paramref name="call"/> completes (at most <see cref="VendorHarness.Bound"/> of real
    /// time) and returns how much fake time passed; the call's exception, if any, propagates.
    /// </summary>
    public async Task<TimeSpan> DriveAsync(Task call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var start = Now;
        while (!call.IsCompleted)
        {
            DateTimeOffset? next = null;
            try
            {
                await Waiting.WaitUntilAsync(() => call.IsCompleted || (next = NextStop()) is not null, VendorHarness.Bound);
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                throw new TimeoutException($"The call neither completed nor waited for the clock within {VendorHarness.Bound}; pending: {Describe()}", ex);
            }

            if (!call.IsCompleted && next is { } due && due > Now)
            {
                // The emulator first: a timer that fires on the client's clock may send the next request at once
                // (inside Advance), and the emulator must stamp it with the new time, not the old.
                var step = due - Now;
                Emulator.Advance(step);
                Client.Advance(step);
            }
        }

        await call;
        return Now - start;
    }

    /// <summary>The instant to advance to, or null while the code under test is busy on the sockets.</summary>
    /// <remarks>
    /// A delay on the emulator's clock holds a live request only if it was armed no earlier than a request the client
    /// still waits for (in flight, not cancelled) left: a delay armed before belongs to an attempt the client has already
    /// given up (its abort may not have reached the emulator yet), and must neither be advanced to nor let a later
    /// attempt's timeout fire. A timeout fires only when every request the client waits for is so held.
    /// </remarks>
    private DateTimeOffset? NextStop()
    {
        var now = Now;
        var inFlight = _transport.InFlight;
        var client = Client.Pending.Where(t => t.Due > now).OrderBy(t => t.Due).ToList();
        var held = inFlight.Count == 0
            ? []
            : Emulator.Pending.Where(t => !t.IsTimeout && t.Due > now && t.ArmedAt >= inFlight.Min()).OrderBy(t => t.Due).ToList();
        if (held.Count > 0 && (client.Count == 0 || held[0].Due <= client[0].Due))
        {
            return held[0].Due;
        }

        if (client.Count == 0)
        {
            return null;
        }

        return !client[0].IsTimeout || (inFlight.Count > 0 && held.Count >= inFlight.Count) ? client[0].Due : null;
    }

    private static string Describe(IEnumerable<StepClock.PendingTimer> timers) =>
        string.Join("; ", timers.Select(t => $"{(t.IsTimeout ? "timeout" : "wait")} armed {t.ArmedAt:HH:mm:ss.fffffff} due {t.Due:HH:mm:ss.fffffff} ({t.Kind})"));

    private string Describe() =>
        $"thread pool {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued; now {Now:HH:mm:ss.fffffff}; in flight [{string.Join(", ", _transport.InFlight.Select(t => t.ToString("HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture)))}]; client [{Describe(Client.Pending)}]; emulator [{Describe(Emulator.Pending)}]";
}
