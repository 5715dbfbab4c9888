using System.Globalization;
using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem.Rest;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>
/// Default <see cref="ITandemStreamsClient"/>: the declared endpoints of <see cref="ITimeseriesApi"/> with validation,
/// the per-model ingest limiter and typed answers on top.
/// </summary>
/// <remarks>Thread-safe; obtain through <see cref="TandemClient.Streams"/>.</remarks>
internal sealed class TandemStreamsClient : ITandemStreamsClient
{
    private readonly ClientRuntime _runtime;
    private readonly TandemOptions _options;
    private readonly ITimeseriesApi _api;

    internal TandemStreamsClient(ClientRuntime runtime, TandemOptions options, ITimeseriesApi api)
    {
        _runtime = runtime;
        _options = options;
        _api = api;
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<ElementKey, StreamReadings>> GetLastValuesAsync(ModelUrn modelId, IReadOnlyList<ElementKey> streamKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(streamKeys);
        if (streamKeys.Count == 0 || streamKeys.Any(k => k.IsEmpty))
        {
            throw new ArgumentException("At least one non-empty stream key is required.", nameof(streamKeys));
        }

        var wireKeys = streamKeys.Select(k => ToWire(k)).ToArray();
        var body = JsonSerializer.SerializeToUtf8Bytes(new StreamLastValuesRequest(wireKeys), TandemJsonContext.Default.StreamLastValuesRequest);
        return GetLastValuesCoreAsync(modelId, body, cancellationToken);
    }

    /// <inheritdoc />
    public Task<StreamReadings> GetReadingsAsync(ModelUrn modelId, ElementKey streamKey, StreamReadingsQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var key = ToWire(streamKey, nameof(streamKey));
        var parameters = (query ?? StreamReadingsQuery.None).ToWire();
        return GetReadingsCoreAsync(modelId, key, parameters, cancellationToken);
    }

    /// <inheritdoc />
    public Task SendReadingsAsync(ModelUrn modelId, IReadOnlyCollection<StreamIngestItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("At least one reading is required.", nameof(items));
        }

        var body = StreamIngestSerializer.Serialize(items);
        if (body.LongLength > TandemServiceLimits.MaxRequestBodyBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The readings serialize to {body.LongLength:N0} bytes; Tandem accepts at most {TandemServiceLimits.MaxRequestBodyBytes:N0} bytes (10 MB) per request. Split them into smaller batches."),
                nameof(items));
        }

        return SendCoreAsync(modelId, body, cancellationToken);
    }

    /// <summary>The key as the timeseries API takes it: full, a short key with the logical prefix (every stream is logical).</summary>
    /// <remarks>Base64url holds only letters, digits, <c>-</c> and <c>_</c>, so the text needs no escaping in a path.</remarks>
    internal static string ToWire(ElementKey key, string parameterName = "streamKeys")
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("A stream key is required (default(ElementKey) is no key).", parameterName);
        }

        return (key.IsFull ? key : key.ToFull(ElementKeyKind.Logical)).ToString();
    }

    private async Task<IReadOnlyDictionary<ElementKey, StreamReadings>> GetLastValuesCoreAsync(ModelUrn modelId, byte[] body, CancellationToken cancellationToken)
    {
        var response = await HttpApi.ReceiveJsonAsync(
            _runtime,
            _api.GetLastValuesAsync(modelId.Id, TandemRequests.Json(body), TandemRequests.Region(_options), "GetLastValues", idempotent: true, cancellationToken),
            TandemJsonContext.Default.DictionaryStringDictionaryStringDictionaryStringJsonElement,
            cancellationToken).ConfigureAwait(false);
        try
        {
            var result = new Dictionary<ElementKey, StreamReadings>(response.Value.Count);
            foreach (var (key, wire) in response.Value)
            {
                if (!ElementKey.TryParse(key, out var parsed))
                {
                    throw new JsonException($"'{key}' is not an element key.");
                }

                result[parsed] = StreamReadings.FromWire(wire);
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw TandemRequests.Invalid(_runtime, "stream last values", ex);
        }
    }

    private async Task<StreamReadings> GetReadingsCoreAsync(ModelUrn modelId, string streamKey, StreamReadingsQuery.WireParameters query, CancellationToken cancellationToken)
    {
        var response = await HttpApi.ReceiveJsonAsync(
            _runtime,
            _api.GetReadingsAsync(modelId.Id, streamKey, query.From, query.To, query.Limit, query.Sort, TandemRequests.Region(_options), "GetReadings", cancellationToken),
            TandemJsonContext.Default.DictionaryStringDictionaryStringJsonElement,
            cancellationToken).ConfigureAwait(false);
        try
        {
            return StreamReadings.FromWire(response.Value);
        }
        catch (JsonException ex)
        {
            throw TandemRequests.Invalid(_runtime, "stream readings", ex);
        }
    }

    private async Task SendCoreAsync(ModelUrn modelId, byte[] body, CancellationToken cancellationToken)
    {
        var limiter = TandemRequests.IngestLimiter(_runtime, modelId.Value);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await HttpApi.ReceiveAsync(
                    _runtime,
                    _api.SendReadingsAsync(modelId.Id, TandemRequests.Json(body), TandemRequests.Region(_options), "SendReadings", limiter, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DigitalTwinRateLimitedException ex) when (attempt < _options.Retry.MaxRetries && (ex.RetryAfter ?? TimeSpan.Zero) <= _options.Retry.MaxRetryAfter)
            {
                // A 429 means the service refused the batch (nothing stored), so sending it again cannot duplicate readings,
                // unlike a 5xx or a lost answer. The shared limiter spaces the retry; a longer Retry-After is honoured too.
                if (ex.RetryAfter is { } wait && wait > TandemServiceLimits.StreamIngestInterval)
                {
                    await Task.Delay(wait, _runtime.Time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
