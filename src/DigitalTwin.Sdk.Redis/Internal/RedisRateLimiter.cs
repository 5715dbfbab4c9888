using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.RateLimiting;
using StackExchange.Redis;

namespace DigitalTwin.Sdk.Redis.Internal;

/// <summary>
/// A limiter whose quota lives in Redis, shared by every process that names the same quota key. Waiting callers queue
/// here first-come first-served (up to the quota's queue limit) and one loop asks Redis for the head's permit, waiting
/// as long as Redis says; a cancelled waiter leaves the queue. While Redis fails, callers go to a local limiter with
/// 1/<see cref="RedisScaleOutOptions.InstanceCount"/> of the quota.
/// </summary>
/// <remarks>
/// A shared permit always needs a round trip, so <see cref="RateLimiter.AttemptAcquire(int)"/> grants only from the
/// local fallback while Redis is down and otherwise answers "not now" without I/O; callers then use
/// <see cref="RateLimiter.AcquireAsync(int, CancellationToken)"/>.
/// </remarks>
internal sealed class RedisRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new FixedLease(true);
    private static readonly RateLimitLease Refused = new FixedLease(false);
    private static readonly TimeSpan PollWhileHeld = TimeSpan.FromMilliseconds(25);

    private readonly RedisLink _link;
    private readonly RateLimitQuota _quota;
    private readonly Lazy<RateLimiter> _fallback;
    private readonly Queue<Waiter> _waiters = new();
    private readonly object _gate = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly string _script;
    private readonly RedisKey[] _keys;
    private readonly string _instance = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    private long _sequence;
    private int _queued;
    private long _successful;
    private long _failed;
    private bool _pumping;
    private bool _disposed;

    public RedisRateLimiter(RedisLink link, RateLimitQuota quota, TimeProvider time)
    {
        _link = link;
        _quota = quota;
        _fallback = new Lazy<RateLimiter>(() => InProcessRateLimiterFactory.Instance.Create(Divide(quota, link.Options.InstanceCount), time));

        // The key is a hash of the quota's identity: it never carries anything the SDK was configured with verbatim.
        var id = link.Options.KeyPrefix + "rl:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(quota.Key + "|" + quota.Kind))).AsSpan(0, 32).ToString();
        (_script, _keys) = quota.Kind switch
        {
            RateLimitKind.SlidingWindow => (RateLimitScripts.SlidingWindow, new RedisKey[] { id + ":log", id + ":next" }),
            RateLimitKind.Interval => (RateLimitScripts.IntervalAcquire, new RedisKey[] { id + ":holder", id + ":next" }),
            _ => (RateLimitScripts.TokenBucket, new RedisKey[] { id + ":tat" }),
        };
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count == 0 && !_pumping ? _fallback.IsValueCreated ? _fallback.Value.IdleDuration : TimeSpan.Zero : null;
            }
        }
    }

    /// <summary>Gets the keys this limiter keeps in Redis (for tests and operators).</summary>
    internal IReadOnlyList<RedisKey> Keys => _keys;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = 0,
                CurrentQueuedCount = Volatile.Read(ref _queued),
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        return _link.IsAvailable ? Refused : _fallback.Value.AttemptAcquire(permitCount);
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
        if (permitCount == 0)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
            return new ValueTask<RateLimitLease>(Granted);
        }

        if (!_link.IsAvailable)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
            return _fallback.Value.AcquireAsync(permitCount, cancellationToken);
        }

        var waiter = new Waiter(this, cancellationToken);
        bool start;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Callers still waiting count against the queue limit; one served or gone does not.
            if (_queued >= _quota.QueueLimit)
            {
                _failed++;
                return new ValueTask<RateLimitLease>(Refused);
            }

            Interlocked.Increment(ref _queued);
            _waiters.Enqueue(waiter);
            start = !_pumping;
            _pumping = true;
        }

        waiter.ListenForCancellation();
        if (start)
        {
            _ = PumpAsync();
        }

        return new ValueTask<RateLimitLease>(waiter.Task);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    protected override ValueTask DisposeAsyncCore()
    {
        Close();
        return default;
    }

    private static RateLimitQuota Divide(RateLimitQuota quota, int instances) =>
        instances <= 1 ? quota : new RateLimitQuota(quota.Key, quota.Kind, quota.PermitLimit, quota.Window * instances) { Burst = quota.Burst, QueueLimit = quota.QueueLimit, Vendor = quota.Vendor };

    private void Close()
    {
        List<Waiter> refused;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            refused = [.. _waiters];
            _waiters.Clear();
        }

        _lifetime.Cancel();
        foreach (var waiter in refused)
        {
            waiter.TrySetResult(Refused);
        }

        if (_fallback.IsValueCreated)
        {
            _fallback.Value.Dispose();
        }
    }

    /// <summary>Serves the queue head by head until it is empty.</summary>
    private async Task PumpAsync()
    {
        // Leave the caller's stack: the first caller must not run the loop.
        await Task.Yield();
        while (true)
        {
            Waiter? head;
            lock (_gate)
            {
                while (_waiters.TryPeek(out head) && head.Task.IsCompleted)
                {
                    _waiters.Dequeue();
                }

                if (head is null || _disposed)
                {
                    _pumping = false;
                    return;
                }
            }

            try
            {
                await ServeAsync(head).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
                lock (_gate)
                {
                    _pumping = false;
                }

                return;
            }
            catch (Exception ex)
            {
                // Never leave callers hanging on a loop that died: they go to the fallback, the next caller restarts it.
                RedisLog.Unexpected(_link.Logger, ex.GetType().Name);
                HandOverToFallback();
                lock (_gate)
                {
                    _pumping = false;
                }

                return;
            }
        }
    }

    /// <summary>Gets the head a permit from Redis (or hands the queue to the fallback when Redis fails).</summary>
    private async Task ServeAsync(Waiter head)
    {
        while (!head.Task.IsCompleted)
        {
            var member = _instance + ":" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var result = await _link.EvaluateAsync(_script, _keys, Arguments(member), _lifetime.Token).ConfigureAwait(false);
            if (result is null)
            {
                HandOverToFallback();
                return;
            }

            var answer = (long[])result!;
            if (answer.Length > 1 && answer[1] != 0)
            {
                RedisLog.ForeignData(_link.Logger, "a key of quota kind " + _quota.Kind + " held data the SDK did not write");
            }

            if (answer[0] <= 0)
            {
                var lease = _quota.Kind == RateLimitKind.Interval ? new HeldLease(this, member) : Granted;
                if (head.TrySetResult(lease))
                {
                    lock (_gate)
                    {
                        _successful++;
                    }
                }
                else if (lease is HeldLease unwanted)
                {
                    // The caller gave up meanwhile: give the permit straight back.
                    unwanted.Dispose();
                }

                return;
            }

            // The wait is on Redis's clock, which is real time whatever clock the client runs on. A head that gives up
            // meanwhile ends it: the next caller asks at once.
            var wait = TimeSpan.FromTicks(answer[0] * 10);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token, head.CancellationToken);
            try
            {
                await Task.Delay(wait, TimeProvider.System, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!_lifetime.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private RedisValue[] Arguments(string member) => _quota.Kind switch
    {
        RateLimitKind.SlidingWindow => [_quota.PermitLimit, Micros(_quota.Window + (_quota.Window / _quota.PermitLimit / 4)), Micros(_quota.Window / _quota.PermitLimit), member],
        RateLimitKind.Interval => [member, (long)_link.Options.MaxPermitHold.TotalMilliseconds, Micros(_quota.Window), Micros(PollWhileHeld)],
        _ => [Micros(_quota.Window / _quota.PermitLimit), Math.Max(1, _quota.Burst)],
    };

    private static long Micros(TimeSpan span) => span.Ticks / 10;

    /// <summary>Redis failed: every waiting caller now waits on the local fallback instead (in queue order).</summary>
    private void HandOverToFallback()
    {
        List<Waiter> waiting;
        lock (_gate)
        {
            waiting = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in waiting)
        {
            if (!waiter.Task.IsCompleted)
            {
                _ = waiter.ForwardAsync(_fallback.Value);
            }
        }
    }

    private void Release(string member)
    {
        if (Volatile.Read(ref _disposed) || !_link.IsAvailable)
        {
            // The hold expires in Redis by itself (MaxPermitHold).
            return;
        }

        _ = _link.EvaluateAsync(RateLimitScripts.IntervalRelease, _keys, [member, Micros(_quota.Window)], CancellationToken.None);
    }

    /// <summary>A caller waiting for a permit. It leaves the queue count the moment it completes, before its caller
    /// can observe that, whichever way it completes (granted, refused, cancelled).</summary>
    private sealed class Waiter(RedisRateLimiter owner, CancellationToken cancellationToken)
    {
        private readonly TaskCompletionSource<RateLimitLease> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _registration;
        private int _completed;

        public Task<RateLimitLease> Task => _completion.Task;

        public CancellationToken CancellationToken => cancellationToken;

        public void ListenForCancellation()
        {
            if (cancellationToken.CanBeCanceled)
            {
                _registration = cancellationToken.Register(static state => ((Waiter)state!).Cancel(), this);
            }
        }

        public bool TrySetResult(RateLimitLease lease)
        {
            if (!Leave())
            {
                return false;
            }

            _registration.Dispose();
            _completion.SetResult(lease);
            return true;
        }

        public async Task ForwardAsync(RateLimiter fallback)
        {
            try
            {
                var lease = await fallback.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                if (!TrySetResult(lease))
                {
                    lease.Dispose();
                }
            }
            catch (OperationCanceledException)
            {
                Cancel();
            }
            catch (ObjectDisposedException)
            {
                TrySetResult(Refused);
            }
        }

        private void Cancel()
        {
            if (Leave())
            {
                _completion.SetCanceled(cancellationToken);
            }
        }

        private bool Leave()
        {
            if (Interlocked.Exchange(ref _completed, 1) != 0)
            {
                return false;
            }

            Interlocked.Decrement(ref owner._queued);
            return true;
        }
    }

    /// <summary>A permit held in Redis until disposed (quotas spaced from completion).</summary>
    private sealed class HeldLease(RedisRateLimiter owner, string member) : RateLimitLease
    {
        private RedisRateLimiter? _owner = owner;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            Interlocked.Exchange(ref _owner, null)?.Release(member);
            base.Dispose(disposing);
        }
    }

    private sealed class FixedLease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
