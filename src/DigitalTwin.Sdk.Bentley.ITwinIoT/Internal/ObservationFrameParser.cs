using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

/// <summary>
/// Parses getData/getObservations result frames (<c>{"data": {"&lt;timestamp&gt;": value, ...}}</c>, then
/// <c>{"requestStatus": "finished"}</c>) and subscribeData pushes, remembering the last timestamp received so a resent
/// request resumes without a gap and drops anything at or before it (no duplicates).
/// </summary>
/// <remarks>Runs on the connection's receive loop, one frame at a time; <see cref="LastTimestamp"/> is read when resending, after that loop stopped.</remarks>
internal sealed class ObservationFrameParser(string? defaultSensorId, bool deduplicate)
{
    private readonly List<SensorObservation> _batch = [];

    public DateTimeOffset? LastTimestamp { get; private set; }

    public JsonRpcFrame<SensorObservation[]> Parse(ReadOnlySpan<byte> result)
    {
        var reader = new Utf8JsonReader(result);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonRpcFrame<SensorObservation[]>.Skip;
        }

        var finished = false;
        string? sensorId = null;
        _batch.Clear();
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

        if (_batch.Count == 0)
        {
            return finished ? JsonRpcFrame<SensorObservation[]>.End : JsonRpcFrame<SensorObservation[]>.Skip;
        }

        var items = _batch.ToArray();
        if ((sensorId ?? defaultSensorId) is { } sensor)
        {
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = items[i] with { SensorId = sensor };
            }
        }

        return JsonRpcFrame<SensorObservation[]>.FromItem(items, finished);
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
            if (deduplicate && LastTimestamp is { } last && timestamp <= last)
            {
                continue;
            }

            LastTimestamp = timestamp;
            _batch.Add(new SensorObservation(null, observation));
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
