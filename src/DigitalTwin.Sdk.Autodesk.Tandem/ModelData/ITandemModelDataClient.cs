using DigitalTwin.Sdk.Autodesk.Tandem.Twins;

namespace DigitalTwin.Sdk.Autodesk.Tandem.ModelData;

/// <summary>Element data of one model: scan, schema and change history.</summary>
public interface ITandemModelDataClient
{
    /// <summary>Reads elements (<c>POST modeldata/{modelID}/scan</c>). A read, so it is retried like a GET.</summary>
    /// <param name="modelId">The model URN.</param>
    /// <param name="request">Which elements and columns; <see langword="null"/> reads everything.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version row and the element rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelId"/> is <see langword="null"/>.</exception>
    Task<ScanResult> ScanAsync(ModelUrn modelId, ScanRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the attribute schema (<c>GET modeldata/{modelID}/schema</c>).</summary>
    /// <param name="modelId">The model URN.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelId"/> is <see langword="null"/>.</exception>
    Task<ModelSchema> GetSchemaAsync(ModelUrn modelId, CancellationToken cancellationToken = default);

    /// <summary>Reads the change history (<c>POST modeldata/{modelID}/history</c>). A read, so it is retried like a GET.</summary>
    /// <param name="modelId">The model URN.</param>
    /// <param name="request">Which changes; <see langword="null"/> reads all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changes, oldest first as the service sends them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelId"/> is <see langword="null"/>.</exception>
    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(ModelUrn modelId, HistoryRequest? request = null, CancellationToken cancellationToken = default);
}
