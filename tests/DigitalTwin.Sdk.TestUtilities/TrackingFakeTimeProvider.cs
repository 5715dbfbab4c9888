using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.TestUtilities;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also counts the timers still waiting to fire, so a test can wait until the
/// code under test has armed its back-off or reconnect timer before it advances the clock.
/// </summary>
/// <remarks>
/// A timer counts as pending from <see cref="ITimer.Change(TimeSpan, TimeSpan)"/> with a finite due time until its
/// one-shot callback has run or it is disposed; a periodic timer stays pending until it is disposed or stopped.
/// </remarks>
public sealed class TrackingFakeTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly HashSet<TrackedTimer> _pending = [];

    /// <summary>Initializes the clock at <see cref="TestTime.Start"/>.</summary>
    public TrackingFakeTimeProvider()
        : this(TestTime.Start)
    {
    }

    /// <summary>Initializes the clock at <paramref name="start"/>.</summary>
    /// <param name="start">Initial UTC time.</param>
    public TrackingFakeTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Gets the number of timers currently waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Gets the instants at which the timers currently waiting are due, earliest first.</summary>
    /// <remarks>
    /// Lets a test wait until the code under test has armed a timer for an exact instant (a back-off, a pacing delay)
    /// before it advances the clock: once such a timer is pending, nothing it guards can happen until the clock reaches it.
    /// </remarks>
    public IReadOnlyList<DateTimeOffset> PendingDueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _pending.Select(t => t.Due).Order()];
            }
        }
    }

    /// <summary>Whether a timer due exactly at <paramref name="due"/> is waiting to fire.</summary>
    /// <param name="due">The instant on this clock.</param>
    /// <returns><see langword="true"/> if such a timer is pending.</returns>
    public bool HasPendingTimerDueAt(DateTimeOffset due)
    {
        lock (_gate)
        {
            return _pending.Any(t => t.Due == due);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var tracked = new TrackedTimer(this, callback);
        tracked.Track(dueTime, period);
        tracked.Inner = base.CreateTimer(tracked.Fire, state, dueTime, period);
        return tracked;
    }

    private sealed class TrackedTimer(TrackingFakeTimeProvider owner, TimerCallback callback) : ITimer
    {
        private bool _periodic;
        private TimeSpan _period;

        public DateTimeOffset Due { get; private set; }

        public ITimer? Inner { get; set; }

        public void Track(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
                _period = period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : owner.GetUtcNow() + dueTime;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    owner._pending.Remove(this);
                }
                else
                {
                    owner._pending.Add(this);
                }
            }
        }

        public void Fire(object? state)
        {
            lock (owner._gate)
            {
                if (!_periodic)
                {
                    owner._pending.Remove(this);
                }
                else
                {
                    Due += _period;
                }
            }

            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Track(dueTime, period);
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

        private void Untrack()
        {
            lock (owner._gate)
            {
                owner._pending.Remove(this);
            }
        }
    }
}
