using System.Runtime.CompilerServices;
using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Autodesk.Tandem.Rest;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>
/// Default <see cref="ITandemModelDataClient"/>: the declared endpoints of <see cref="IModelDataApi"/> with validation,
/// streamed scan parsing and typed answers on top.
/// </summary>
/// <remarks>Thread-safe; obtain through <see cref="TandemClient.ModelData"/>.</remarks>
internal sealed class TandemModelDataClient : ITandemModelDataClient
{
    private readonly ClientRuntime _runtime;
    private readonly TandemOptions _options;
    private readonly IModelDataApi _api;

    internal TandemModelDataClient(ClientRuntime runtime, TandemOptions options, IModelDataApi api)
    {
        _runtime = runtime;
        _options = options;
        _api = api;
    }

    /// <inheritdoc />
    public Task<ScanResult> ScanAsync(ModelUrn modelId, ScanRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return ScanCoreAsync(modelId, request ?? new ScanRequest(), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ElementRow> ScanRowsAsync(ModelUrn modelId, ScanRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return ReadRowsAsync(modelId, request ?? new ScanRequest(), onVersion: null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ModelSchema> GetSchemaAsync(ModelUrn modelId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return GetSchemaCoreAsync(modelId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(ModelUrn modelId, HistoryRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        request ??= new HistoryRequest();
        if (request.Limit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Limit, "HistoryRequest.Limit must be at least 1.");
        }

        var body = HistoryRequestSerializer.Serialize(request);
        return GetHistoryCoreAsync(modelId, body, cancellationToken);
    }

    private async Task<ScanResult> ScanCoreAsync(ModelUrn modelId, ScanRequest request, CancellationToken cancellationToken)
    {
        JsonElement version = default;
        var rows = new List<ElementRow>();
        await foreach (var row in ReadRowsAsync(modelId, request, v => version = v, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return new ScanResult(version, rows);
    }

    private async IAsyncEnumerable<ElementRow> ReadRowsAsync(ModelUrn modelId, ScanRequest scan, Action<JsonElement>? onVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(scan, TandemJsonContext.Default.ScanRequest);
        using var response = await HttpApi.ReceiveAsync(
            _runtime,
            _api.ScanAsync(modelId.Id, TandemRequests.Json(body), TandemRequests.Region(_options), "Scan", idempotent: true, streamSuccessBody: true, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentType?.MediaType is { } mediaType && !HttpApi.IsJson(mediaType))
        {
            throw TandemRequests.Invalid(_runtime, "scan", new JsonException($"expected a JSON body but the content type was '{mediaType}'"));
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var rows = ScanRowReader.ReadAsync(stream, scan.IncludeHistory, onVersion, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (rows.ConfigureAwait(false))
            {
                while (true)
                {
                    try
                    {
                        if (!await rows.MoveNextAsync().ConfigureAwait(false))
                        {
                            yield break;
                        }
                    }
                    catch (JsonException ex)
                    {
                        throw TandemRequests.Invalid(_runtime, "scan", ex);
                    }
                    catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                    {
                        throw new DigitalTwinConnectionException($"{_runtime.Vendor}: the scan answer of {modelId} broke off while it was read: {ex.Message}", ex);
                    }

                    yield return rows.Current;
                }
            }
        }
    }

    private async Task<ModelSchema> GetSchemaCoreAsync(ModelUrn modelId, CancellationToken cancellationToken)
    {
        var response = await HttpApi.ReceiveJsonAsync(
            _runtime, _api.GetSchemaAsync(modelId.Id, TandemRequests.Region(_options), "GetSchema", cancellationToken), TandemJsonContext.Default.ModelSchema, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    private async Task<IReadOnlyList<HistoryEntry>> GetHistoryCoreAsync(ModelUrn modelId, byte[] body, CancellationToken cancellationToken)
    {
        var response = await HttpApi.ReceiveJsonAsync(
            _runtime,
            _api.GetHistoryAsync(modelId.Id, TandemRequests.Json(body), TandemRequests.Region(_options), "GetHistory", idempotent: true, cancellationToken),
            TandemJsonContext.Default.IReadOnlyListHistoryEntry,
            cancellationToken).ConfigureAwait(false);
        return response.Value;
    }
}
