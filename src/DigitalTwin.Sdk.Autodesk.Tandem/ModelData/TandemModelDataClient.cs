using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Twins;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;

namespace DigitalTwin.Sdk.Autodesk.Tandem.ModelData;

/// <summary>Default <see cref="ITandemModelDataClient"/> over the SDK pipeline.</summary>
/// <remarks>Thread-safe; obtain through <see cref="TandemClient.ModelData"/>.</remarks>
public sealed class TandemModelDataClient : ITandemModelDataClient
{
    private readonly ClientRuntime _runtime;
    private readonly TandemOptions _options;

    internal TandemModelDataClient(ClientRuntime runtime, TandemOptions options)
    {
        _runtime = runtime;
        _options = options;
    }

    /// <inheritdoc />
    public Task<ScanResult> ScanAsync(ModelUrn modelId, ScanRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var body = JsonSerializer.SerializeToUtf8Bytes(request ?? new ScanRequest(), TandemJsonContext.Default.ScanRequest);
        return ScanCoreAsync(modelId, body, cancellationToken);
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
        var body = HistoryRequestSerializer.Serialize(request ?? new HistoryRequest());
        return GetHistoryCoreAsync(modelId, body, cancellationToken);
    }

    private async Task<ScanResult> ScanCoreAsync(ModelUrn modelId, byte[] body, CancellationToken cancellationToken)
    {
        using var request = TandemRequests.Create(_runtime, _options, HttpMethod.Post, "modeldata/" + modelId.ToPathSegment() + "/scan", "Scan").MarkIdempotent();
        request.Content = TandemRequests.Json(body);
        var response = await _runtime.SendJsonAsync(request, TandemJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
        try
        {
            return ScanResult.Parse(response.Value);
        }
        catch (JsonException ex)
        {
            throw TandemRequests.Invalid(_runtime, "scan", ex);
        }
    }

    private async Task<ModelSchema> GetSchemaCoreAsync(ModelUrn modelId, CancellationToken cancellationToken)
    {
        using var request = TandemRequests.Create(_runtime, _options, HttpMethod.Get, "modeldata/" + modelId.ToPathSegment() + "/schema", "GetSchema");
        var response = await _runtime.SendJsonAsync(request, TandemJsonContext.Default.ModelSchema, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    private async Task<IReadOnlyList<HistoryEntry>> GetHistoryCoreAsync(ModelUrn modelId, byte[] body, CancellationToken cancellationToken)
    {
        using var request = TandemRequests.Create(_runtime, _options, HttpMethod.Post, "modeldata/" + modelId.ToPathSegment() + "/history", "GetHistory").MarkIdempotent();
        request.Content = TandemRequests.Json(body);
        var response = await _runtime.SendJsonAsync(request, TandemJsonContext.Default.IReadOnlyListHistoryEntry, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }
}
