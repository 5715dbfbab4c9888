using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows its pending one-shot timers: when each was armed, when it is due, and
/// whether it is a timeout (it cancels a <see cref="CancellationTokenSource"/>) or a wait (a delay, a back-off, a
/// pacing or rate-limit timer), so <see cref="HarnessClocks"/> can tell what the code under test is waiting for.
/// </summary>
public sealed class StepClock : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly HashSet<Tracked> _pending = [];

    public StepClock(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Gets a snapshot of the timers waiting to fire.</summary>
    public IReadOnlyList<PendingTimer> Pending
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending.Select(t => new PendingTimer(t.ArmedAt, t.Due, t.IsTimeout, t.Kind))];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var tracked = new Tracked(this, callback, state);
        tracked.Track(dueTime);
        tracked.Inner = base.CreateTimer(tracked.Fire, state, dueTime, period);
        return tracked;
    }

    /// <summary>A timer waiting to fire.</summary>
    /// <param name="ArmedAt">When it was (re)armed.</param>
    /// <param name="Due">When it fires.</param>
    /// <param name="IsTimeout">Whether it cancels a token (a timeout) rather than ending a wait.</param>
    /// <param name="Kind">What created it, for failure messages.</param>
    public readonly record struct PendingTimer(DateTimeOffset ArmedAt, DateTimeOffset Due, bool IsTimeout, string Kind);

    private sealed class Tracked(StepClock owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset ArmedAt { get; private set; }

        public DateTimeOffset Due { get; private set; }

        public bool IsTimeout { get; } = IsCancellation(callback, state);

        public string Kind { get; } = (callback.Method.DeclaringType?.FullName ?? "?") + " / " + (state?.GetType().FullName ?? "null");

        public ITimer? Inner { get; set; }

        public void Track(TimeSpan dueTime)
        {
            lock (owner._gate)
            {
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    owner._pending.Remove(this);
                    return;
                }

                ArmedAt = owner.GetUtcNow();
                Due = ArmedAt + dueTime;
                owner._pending.Add(this);
            }
        }

        public void Fire(object? timerState)
        {
            Untrack();
            callback(timerState);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Track(dueTime);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            Untrack();
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Untrack();
            return Inner?.DisposeAsync() ?? ValueTask.CompletedTask;
        }

        private static bool IsCancellation(TimerCallback callback, object? state) =>
            state is not Task
            && (state is CancellationTokenSource
            || (callback.Method.DeclaringType?.FullName ?? string.Empty).Contains("Cancel", StringComparison.Ordinal)
            || (state?.GetType().FullName ?? string.Empty).Contains("Cancel", StringComparison.Ordinal));

        private void Untrack()
        {
            lock (owner._gate)
            {
                owner._pending.Remove(this);
            }
        }
    }
}
