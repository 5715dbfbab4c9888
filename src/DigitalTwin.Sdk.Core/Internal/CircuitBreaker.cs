using DigitalTwin.Sdk.Core.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// A client's circuit breaker, with the rules of Polly's advanced circuit breaker: while closed it counts failed and
/// other attempts over <see cref="CircuitBreakerOptions.SamplingDuration"/> (ten rolling buckets) and opens when at
/// least <see cref="CircuitBreakerOptions.MinimumThroughput"/> attempts were seen and the failed share reaches
/// <see cref="CircuitBreakerOptions.FailureRatio"/>. Open, it refuses attempts with
/// <see cref="BrokenCircuitException"/> for <see cref="CircuitBreakerOptions.BreakDuration"/>; then one trial attempt
/// goes through (half-open): success closes the circuit, failure opens it again.
/// </summary>
/// <remarks>
/// It is the SDK's own so that the common call, a first attempt sent while the circuit is closed that needs no retry,
/// records its outcome here directly (<see cref="RecordFirstAttempt"/>) instead of running the whole Polly pipeline for
/// that; attempts inside the pipeline pass through <see cref="CircuitBreakerStrategy"/>. Thread-safe.
/// </remarks>
internal sealed class CircuitBreaker
{
    private const int BucketCount = 10;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _failureRatio;
    private readonly int _minimumThroughput;
    private readonly long _samplingTicks;
    private readonly long _bucketTicks;
    private readonly long _breakTicks;
    private readonly Bucket[] _buckets = new Bucket[BucketCount];
    private int _current = -1;
    private volatile CircuitState _state = CircuitState.Closed;
    private long _blockedUntil;

    /// <summary>Initializes a closed circuit.</summary>
    /// <param name="options">The breaker's settings (validated with the client options).</param>
    /// <param name="time">The clock.</param>
    public CircuitBreaker(CircuitBreakerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _failureRatio = options.FailureRatio;
        _minimumThroughput = options.MinimumThroughput;
        _samplingTicks = ToTimestampTicks(options.SamplingDuration, time);
        _bucketTicks = Math.Max(1, _samplingTicks / BucketCount);
        _breakTicks = ToTimestampTicks(options.BreakDuration, time);
    }

    /// <summary>Gets the circuit's state.</summary>
    public CircuitState State => _state;

    /// <summary>Whether an attempt's outcome counts as a failure: 5xx, or a connection, I/O or timeout failure; never a cancelled call.</summary>
    /// <param name="outcome">The attempt's outcome.</param>
    /// <param name="cancellationToken">The call's token.</param>
    /// <returns><see langword="true"/> for a failure.</returns>
    public static bool IsFailure(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return outcome.Exception switch
        {
            null => outcome.Result is { } r && (int)r.StatusCode >= 500,
            HttpRequestException or TimeoutRejectedException or IOException => true,
            _ => false,
        };
    }

    /// <summary>Lets an attempt through, or refuses it while the circuit is open (or half-open with its trial on the way).</summary>
    /// <param name="rejection">The exception for a refused attempt.</param>
    /// <returns><see langword="true"/> when the attempt may be sent.</returns>
    public bool TryEnter(out BrokenCircuitException? rejection)
    {
        rejection = null;
        if (_state == CircuitState.Closed)
        {
            return true;
        }

        lock (_lock)
        {
            var now = _time.GetTimestamp();
            switch (_state)
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.Open or CircuitState.HalfOpen when now >= _blockedUntil:
                    // The break is over (or a trial went unanswered for another break): this attempt is the trial.
                    _state = CircuitState.HalfOpen;
                    _blockedUntil = now + _breakTicks;
                    return true;
                default:
                    var left = TimeSpan.FromSeconds((double)(_blockedUntil - now) / _time.TimestampFrequency);
                    rejection = new BrokenCircuitException(
                        $"The circuit is open after repeated failures; it lets a trial attempt through in {left.TotalSeconds:0.###} s.",
                        left > TimeSpan.Zero ? left : TimeSpan.Zero);
                    return false;
            }
        }
    }

    /// <summary>Records the outcome of an attempt that <see cref="TryEnter"/> let through.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="cancellationToken">The call's token.</param>
    public void Record(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        var failure = IsFailure(outcome, cancellationToken);
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            switch (_state)
            {
                case CircuitState.HalfOpen when failure:
                    Open(now);
                    break;
                case CircuitState.HalfOpen:
                    Close();
                    break;
                case CircuitState.Closed:
                    Count(failure, now);
                    break;
                default:
                    // Open: the answer to an attempt sent before the circuit opened changes nothing.
                    break;
            }
        }
    }

    /// <summary>
    /// Records the outcome of a first attempt sent while the circuit was closed, when no retry follows. It counts only
    /// while the circuit is still closed: had it opened (or gone half-open) meanwhile, the pipeline would have refused
    /// to take that outcome, so it is not counted there either.
    /// </summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="cancellationToken">The call's token.</param>
    public void RecordFirstAttempt(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        var failure = IsFailure(outcome, cancellationToken);
        lock (_lock)
        {
            if (_state == CircuitState.Closed)
            {
                Count(failure, _time.GetTimestamp());
            }
        }
    }

    private static long ToTimestampTicks(TimeSpan duration, TimeProvider time) =>
        (long)Math.Min(duration.TotalSeconds * time.TimestampFrequency, long.MaxValue / 4);

    private void Count(bool failure, long now)
    {
        if (_current < 0 || now - _buckets[_current].Start >= _bucketTicks)
        {
            _current = (_current + 1) % BucketCount;
            _buckets[_current] = new Bucket { Start = now };
        }

        if (!failure)
        {
            _buckets[_current].Successes++;
            return;
        }

        _buckets[_current].Failures++;
        long total = 0, failures = 0;
        foreach (ref readonly var bucket in _buckets.AsSpan())
        {
            if (bucket.Successes + bucket.Failures > 0 && now - bucket.Start < _samplingTicks)
            {
                total += bucket.Successes + bucket.Failures;
                failures += bucket.Failures;
            }
        }

        if (total >= _minimumThroughput && failures >= _failureRatio * total)
        {
            Open(now);
        }
    }

    private void Open(long now)
    {
        _state = CircuitState.Open;
        _blockedUntil = now + _breakTicks;
    }

    private void Close()
    {
        Array.Clear(_buckets);
        _current = -1;
        _state = CircuitState.Closed;
    }

    private struct Bucket
    {
        public long Start;
        public int Successes;
        public int Failures;
    }
}
