using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.Tandem;

/// <content>
/// Streams: last values, readings of one stream, ingest through <c>webhooks/generic</c>. The timeseries API names streams by
/// their FULL element key (24 bytes: 4-byte big-endian flags, 0x01000000 for logical elements such as streams, then the 20-byte
/// short key of the scan's <c>k</c>, base64url without padding). Ingest <c>id</c>s must be full keys (a short key names no
/// stream there); the two read routes also take a stream's short key, as the vendor's own samples send it (tutorial-rest and
/// tutorial-rest-python <c>list-stream-data</c>, <c>list-stream-last-reading</c> pass the scan's <c>k</c>), and last values are
/// keyed by the full key whichever form was asked for.
/// </content>
public sealed partial class TandemEmulator
{
    private static readonly string[] TimestampFields = ["timestamp", "time", "epoch"];
    private int _ingestRateLimited;

    /// <summary>Gets the full element keys (what the timeseries API takes) of the seeded streams, in the order of <see cref="StreamKeys"/>.</summary>
    public IReadOnlyList<string> StreamFullKeys => StreamKeys.Select(ToLogicalFullKey).ToArray();

    /// <summary>Converts a 20-byte short key to the full key of a logical element (flags 0x01000000).</summary>
    private static string ToLogicalFullKey(string shortKey)
    {
        var bytes = FromBase64Url(shortKey);
        var full = new byte[24];
        full[0] = 0x01;
        bytes.CopyTo(full, 4);
        return Convert.ToBase64String(full).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Resolves a full key of a logical element to the seeded short key; a short key or another prefix resolves to nothing.</summary>
    private static string? ShortKeyOf(string fullKey)
    {
        byte[] bytes;
        try
        {
            bytes = FromBase64Url(fullKey);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != 24 || bytes[0] != 0x01 || bytes[1] != 0 || bytes[2] != 0 || bytes[3] != 0)
        {
            return null;
        }

        return Convert.ToBase64String(bytes, 4, 20).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// Resolves a key a read route was given, full or the short key of a logical element (as the vendor samples send it), to
    /// the seeded short key; anything else resolves to nothing.
    /// </summary>
    private static string? ReadKeyOf(string key)
    {
        var fromFull = ShortKeyOf(key);
        if (fromFull is not null)
        {
            return fromFull;
        }

        try
        {
            return FromBase64Url(key).Length == 20 ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] FromBase64Url(string key)
    {
        var text = key.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
    }

    private void MapStreamEndpoints(WebApplication app)
    {
        app.MapPost(DataRoot + "/timeseries/models/{modelId}/streams", LastValuesAsync);
        app.MapGet(DataRoot + "/timeseries/models/{modelId}/streams/{streamKey}", ReadingsAsync);
        app.MapPost(DataRoot + "/timeseries/models/{modelId}/webhooks/generic", IngestAsync);
    }

    private async Task LastValuesAsync(HttpContext context)
    {
        var modelId = await ResolveModelAsync(context, ReadScope).ConfigureAwait(false);
        if (modelId is null)
        {
            return;
        }

        var body = await ReadJsonBodyAsync(context).ConfigureAwait(false);
        if (body is not JsonObject || !TryStrings(body, "keys", out var keys) || keys is null)
        {
            await WriteApsErrorAsync(context, 400, "BAD_REQUEST", "The body must be a JSON object with a string array keys.").ConfigureAwait(false);
            return;
        }

        var result = new JsonObject();
        lock (_dataGate)
        {
            foreach (var key in keys.Order(StringComparer.Ordinal))
            {
                if (modelId != _seed.DefaultModelId || ReadKeyOf(key) is not { } shortKey || !_seed.Readings.TryGetValue(shortKey, out var props))
                {
                    continue;
                }

                var values = new JsonObject();
                foreach (var (propertyId, readings) in props)
                {
                    if (readings.Count > 0)
                    {
                        var last = readings.Last();
                        values[propertyId] = new JsonObject { [TandemSeed.Timestamp(last.Key)] = last.Value };
                    }
                }

                result[ToLogicalFullKey(shortKey)] = values;
            }
        }

        await WriteJsonAsync(context, 200, result).ConfigureAwait(false);
    }

    private static bool TryLong(string? text, out long? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private async Task ReadingsAsync(HttpContext context)
    {
        var modelId = await ResolveModelAsync(context, ReadScope).ConfigureAwait(false);
        if (modelId is null)
        {
            return;
        }

        var query = context.Request.Query;
        var sort = query["sort"].ToString();
        if (!TryLong(query["from"], out var from) || !TryLong(query["to"], out var to) || !TryLong(query["limit"], out var limit)
            || limit == 0 || (sort.Length > 0 && sort != "asc" && sort != "desc"))
        {
            await WriteApsErrorAsync(context, 400, "BAD_REQUEST", "from and to are epoch milliseconds, limit a positive integer, sort asc or desc.").ConfigureAwait(false);
            return;
        }

        var streamKey = ReadKeyOf((string)context.Request.RouteValues["streamKey"]!);
        var result = new JsonObject();
        lock (_dataGate)
        {
            if (modelId != _seed.DefaultModelId || streamKey is null || !_seed.Readings.TryGetValue(streamKey, out var props))
            {
                result = null;
            }
            else
            {
                foreach (var (propertyId, readings) in props)
                {
                    IEnumerable<KeyValuePair<long, double>> selected = readings.Where(r => (from is null || r.Key >= from) && (to is null || r.Key <= to));
                    if (sort == "desc")
                    {
                        selected = selected.Reverse();
                    }

                    if (limit is not null)
                    {
                        selected = selected.Take((int)Math.Min(limit.Value, int.MaxValue));
                    }

                    var values = new JsonObject();
                    foreach (var (timestamp, value) in selected)
                    {
                        values[TandemSeed.Timestamp(timestamp)] = value;
                    }

                    result[propertyId] = values;
                }
            }
        }

        if (result is null)
        {
            await WriteApsErrorAsync(context, 404, "NOT_FOUND", "The requested stream was not found.").ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(context, 200, result).ConfigureAwait(false);
    }

    private async Task IngestAsync(HttpContext context)
    {
        var modelId = await ResolveModelAsync(context, WriteScope).ConfigureAwait(false);
        if (modelId is null)
        {
            return;
        }

        if (context.Request.ContentLength > _options.MaxIngestBodyBytes)
        {
            await WriteApsErrorAsync(context, 413, "PAYLOAD_TOO_LARGE", "The request body exceeds the 10 MB limit.").ConfigureAwait(false);
            return;
        }

        var now = Now;
        var last = _lastIngest.GetOrAdd(modelId, DateTimeOffset.MinValue);
        if (last != DateTimeOffset.MinValue && now - last < _options.StreamIngestInterval)
        {
            var wait = _options.StreamIngestInterval - (now - last);
            Interlocked.Increment(ref _ingestRateLimited);
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await WriteApsErrorAsync(context, 429, "TOO_MANY_REQUESTS", "Stream ingest is limited to 1 request per second.").ConfigureAwait(false);
            return;
        }

        if (!_lastIngest.TryUpdate(modelId, now, last))
        {
            Interlocked.Increment(ref _ingestRateLimited);
            context.Response.Headers.RetryAfter = "1";
            await WriteApsErrorAsync(context, 429, "TOO_MANY_REQUESTS", "Stream ingest is limited to 1 request per second.").ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length > _options.MaxIngestBodyBytes)
        {
            await WriteApsErrorAsync(context, 413, "PAYLOAD_TOO_LARGE", "The request body exceeds the 10 MB limit.").ConfigureAwait(false);
            return;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            body = null;
        }

        var items = body switch
        {
            JsonArray array => array.ToList(),
            JsonObject single => [single],
            _ => null,
        };
        if (items is null || items.Any(i => i is not JsonObject o || o["id"] is not JsonValue id || id.GetValueKind() != JsonValueKind.String))
        {
            await WriteApsErrorAsync(context, 400, "BAD_REQUEST", "The body must be a JSON object or array of objects, each with the stream key in id.").ConfigureAwait(false);
            return;
        }

        lock (_dataGate)
        {
            var unknown = items.Select(i => (string)i!["id"]!).FirstOrDefault(k => modelId != _seed.DefaultModelId || ShortKeyOf(k) is not { } shortKey || !_seed.Readings.ContainsKey(shortKey));
            if (unknown is null)
            {
                foreach (var item in items.Cast<JsonObject>())
                {
                    Store(item, now);
                }
            }
            else
            {
                items = null;
            }
        }

        if (items is null)
        {
            await WriteApsErrorAsync(context, 400, "BAD_REQUEST", "A reading names a stream key that is not in this model.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 200;
    }

    /// <summary>Stores one ingest item; caller holds <see cref="_dataGate"/>.</summary>
    private void Store(JsonObject item, DateTimeOffset now)
    {
        var props = _seed.Readings[ShortKeyOf((string)item["id"]!)!];

        // The service reads the reading time from timestamp, time or epoch at the root of the event; anything else (an
        // unknown field such as _ts included) leaves the reading at the receive time.
        var timestamp = TimestampFields.Select(f => ParseTimestamp(item[f])).FirstOrDefault(t => t is not null) ?? now.ToUnixTimeMilliseconds();
        foreach (var (name, value) in item)
        {
            if (name == "id" || TimestampFields.Contains(name) || value is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
            {
                continue;
            }

            var attribute = _seed.Attributes.FirstOrDefault(a => a.Id == name || string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
            if (attribute is null)
            {
                continue;
            }

            if (!props.TryGetValue(attribute.Id, out var readings))
            {
                readings = [];
                props[attribute.Id] = readings;
            }

            readings[timestamp] = number.GetValue<double>();
        }
    }

    /// <summary>Reads a reading time: RFC 3339 text, or a number of epoch seconds (below 10^11) or milliseconds.</summary>
    private static long? ParseTimestamp(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String when DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed.ToUnixTimeMilliseconds(),
            JsonValueKind.Number => value.GetValue<double>() < 1e11 ? (long)(value.GetValue<double>() * 1000) : (long)value.GetValue<double>(),
            _ => null,
        };
    }
}
