using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

/// <summary>
/// Parses getData/getObservations result frames (<c>{"data": {"&lt;timestamp&gt;": value, ...}}</c>, then
/// <c>{"requestStatus": "finished"}</c>) and subscribeData pushes. Every point is delivered in the order the server sent
/// it, out-of-order ones included. For a resent request (<paramref name="resumable"/>), it remembers the latest timestamp
/// delivered: the resend starts there (inclusive, so no gap), and only the exact duplicate of that point (same stream, so
/// same sensor and metric, same timestamp) delivered again after the resume is dropped.
/// </summary>
/// <remarks>Runs on the connection's receive loop, one frame at a time; <see cref="ResumePoint"/> is called when (re)sending, while that loop does not run.</remarks>
internal sealed class ObservationFrameParser(string? defaultSensorId, bool resumable)
{
    private readonly ObservationArrays _arrays = new();
    private SensorObservation[] _items = [];
    private int _count;
    private DateTimeOffset? _duplicateAfterResume;

    /// <summary>Gets the latest timestamp delivered so far (not the last received: points may arrive out of order).</summary>
    public DateTimeOffset? LatestTimestamp { get; private set; }

    /// <summary>
    /// Gets where a (re)sent request starts: <see langword="null"/> before anything was delivered, else
    /// <see cref="LatestTimestamp"/>; from then on, the one point at that timestamp, already delivered, is dropped once if sent again.
    /// </summary>
    /// <returns>The inclusive start of the resent request, or <see langword="null"/> for the query's own start.</returns>
    public DateTimeOffset? ResumePoint()
    {
        _duplicateAfterResume = LatestTimestamp;
        return LatestTimestamp;
    }

    /// <summary>Parses a frame into a new array of its observations (for subscriptions: small frames, kept by the caller).</summary>
    public JsonRpcFrame<SensorObservation[]> Parse(ReadOnlySpan<byte> result)
    {
        var frame = ParseCore(result);
        return frame.HasItem ? JsonRpcFrame<SensorObservation[]>.FromItem(_items.AsSpan(0, _count).ToArray(), frame.IsEnd) : Empty<SensorObservation[]>(frame);
    }

    /// <summary>
    /// Parses a frame into an <see cref="ObservationBatch"/> over a pooled array (for getData/getObservations: large
    /// frames walked once); the consumer returns the array with <see cref="ObservationBatch.Return"/>.
    /// </summary>
    public JsonRpcFrame<ObservationBatch> ParsePooled(ReadOnlySpan<byte> result)
    {
        var frame = ParseCore(result);
        if (!frame.HasItem)
        {
            return Empty<ObservationBatch>(frame);
        }

        var batch = new ObservationBatch(_items, _count, _arrays);
        _items = _arrays.Rent(_count);
        return JsonRpcFrame<ObservationBatch>.FromItem(batch, frame.IsEnd);
    }

    /// <summary>A frame without observations: the end of the stream, or one to skip.</summary>
    private static JsonRpcFrame<TItem> Empty<TItem>(JsonRpcFrame<bool> frame) =>
        frame.IsEnd ? JsonRpcFrame<TItem>.End : JsonRpcFrame<TItem>.Skip;

    /// <summary>Reads a frame into <c>_items[0.._count)</c>; the frame's item says whether any observation was read.</summary>
    private JsonRpcFrame<bool> ParseCore(ReadOnlySpan<byte> result)
    {
        _count = 0;
        var reader = new Utf8JsonReader(result);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonRpcFrame<bool>.Skip;
        }

        var finished = false;
        string? sensorId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                ReadData(ref reader);
            }
            else if (reader.ValueTextEquals("requestStatus"u8))
            {
                reader.Read();
                finished = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("finished"u8);
                reader.Skip();
            }
            else if (reader.ValueTextEquals("sensor"u8) || reader.ValueTextEquals("sensorId"u8))
            {
                reader.Read();
                sensorId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (_count == 0)
        {
            return finished ? JsonRpcFrame<bool>.End : JsonRpcFrame<bool>.Skip;
        }

        if ((sensorId ?? defaultSensorId) is { } sensor)
        {
            // The sensor may come before or after the data, so it is filled in once the frame is read.
            var items = _items.AsSpan(0, _count);
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = new SensorObservation(sensor, items[i].Observation);
            }
        }

        return JsonRpcFrame<bool>.FromItem(true, finished);
    }

    private void Add(SensorObservation observation)
    {
        if (_count == _items.Length)
        {
            var larger = _arrays.Rent(_items.Length * 2);
            _items.AsSpan(0, _count).CopyTo(larger);
            Array.Clear(_items, 0, _count);
            if (_items.Length > 0)
            {
                _arrays.Return(_items);
            }

            _items = larger;
        }

        _items[_count++] = observation;
    }

    private void ReadData(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        Span<byte> unescaped = stackalloc byte[64];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            scoped ReadOnlySpan<byte> name;
            if (reader.ValueIsEscaped || reader.HasValueSequence)
            {
                var length = reader.CopyString(unescaped);
                name = unescaped[..length];
            }
            else
            {
                name = reader.ValueSpan;
            }

            if (!IsoTimestamp.TryParse(name, out var timestamp))
            {
                throw new JsonException($"'{System.Text.Encoding.UTF8.GetString(name)}' is not an ISO timestamp.");
            }

            reader.Read();
            var observation = ReadValue(ref reader, timestamp);
            if (resumable)
            {
                if (_duplicateAfterResume == timestamp)
                {
                    // The resent request starts at this timestamp, delivered before the cut: the same point again.
                    _duplicateAfterResume = null;
                    continue;
                }

                if (LatestTimestamp is not { } latest || timestamp > latest)
                {
                    LatestTimestamp = timestamp;
                }
            }

            Add(new SensorObservation(null, observation));
        }
    }

    private static Observation ReadValue(ref Utf8JsonReader reader, DateTimeOffset timestamp)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return new Observation(timestamp, reader.GetDouble());
            case JsonTokenType.StartArray:
                var values = new List<double>(4);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    values.Add(reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : double.NaN);
                }

                return new Observation(timestamp, values.ToArray());
            default:
                reader.Skip();
                return new Observation(timestamp, double.NaN);
        }
    }
}
