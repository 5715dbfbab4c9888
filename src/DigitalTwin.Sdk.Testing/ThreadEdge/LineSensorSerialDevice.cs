using System.Globalization;
using System.Text;

namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <summary>
/// A sensor that emits one text record per reading, <c>seq=N,temp=T,hum=H</c>, terminated by the first delimiter of
/// the port's <c>DELIMITERS_HEX</c> (CR LF when none is configured). Readings come on demand
/// (<see cref="EmitReadingAsync"/>), when the host writes <c>READ</c>, or periodically.
/// </summary>
/// <remarks>Readings are deterministic for a given seed. Thread-safe.</remarks>
public sealed class LineSensorSerialDevice : SimulatedSerialDevice
{
    private static readonly byte[] CrLf = [0x0D, 0x0A];
    private readonly object _gate = new();
    private readonly Random _random;
    private readonly TimeSpan? _interval;
    private ITimer? _timer;
    private int _sequence;

    /// <summary>Initializes the sensor.</summary>
    /// <param name="seed">Seed of the readings.</param>
    /// <param name="interval">Period of automatic readings, or <see langword="null"/> for on-demand only.</param>
    public LineSensorSerialDevice(int seed, TimeSpan? interval = null)
    {
        _random = new Random(seed);
        _interval = interval;
    }

    /// <summary>Gets the number of readings emitted so far.</summary>
    public int Readings => Volatile.Read(ref _sequence);

    /// <summary>Builds the next reading and sends it, delimiter included.</summary>
    /// <param name="cancellationToken">Cancels before the reading is sent.</param>
    /// <returns>The record text, without the delimiter.</returns>
    public async Task<string> EmitReadingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string record;
        lock (_gate)
        {
            _sequence++;
            var temperature = 18 + (_random.NextDouble() * 8);
            var humidity = 35 + (_random.NextDouble() * 30);
            record = string.Create(CultureInfo.InvariantCulture, $"seq={_sequence},temp={temperature:F2},hum={humidity:F1}");
        }

        await EmitRecordAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Sends <paramref name="record"/> followed by the port's delimiter.</summary>
    /// <param name="record">Record text (UTF-8).</param>
    /// <param name="cancellationToken">Cancels before the record is sent.</param>
    /// <returns>A task that completes when the frames are queued.</returns>
    public ValueTask EmitRecordAsync(string record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        var delimiters = Port.Delimiters();
        var delimiter = delimiters.Count > 0 ? delimiters[0] : CrLf;
        var bytes = new byte[Encoding.UTF8.GetByteCount(record) + delimiter.Length];
        var written = Encoding.UTF8.GetBytes(record, bytes);
        delimiter.CopyTo(bytes, written);
        return TransmitAsync(bytes);
    }

    /// <inheritdoc />
    protected internal override async ValueTask OnReceivedAsync(ReadOnlyMemory<byte> data, bool isText)
    {
        await base.OnReceivedAsync(data, isText).ConfigureAwait(false);
        if (Encoding.UTF8.GetString(data.Span).Contains("READ", StringComparison.OrdinalIgnoreCase))
        {
            await EmitReadingAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected internal override void OnStarted(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (_interval is { } interval)
        {
            _timer = timeProvider.CreateTimer(static state => _ = ((LineSensorSerialDevice)state!).EmitReadingAsync(), this, interval, interval);
        }
    }

    /// <inheritdoc />
    protected internal override void OnStopped() => _timer?.Dispose();
}
