using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Element data of one model: scan, schema and change history.</summary>
public interface ITandemModelDataClient
{
    /// <summary>
    /// Reads elements (<c>POST modeldata/{modelID}/scan</c>) into memory. A read, so it is retried like a GET. For a whole
    /// model, prefer <see cref="ScanRowsAsync"/>, which holds one row at a time.
    /// </summary>
    /// <param name="modelId">The model URN.</param>
    /// <param name="request">Which elements and columns; <see langword="null"/> reads every column of every element.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version row and the element rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelId"/> is <see langword="null"/>.</exception>
    Task<ScanResult> ScanAsync(ModelUrn modelId, ScanRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads elements (<c>POST modeldata/{modelID}/scan</c>) as a stream: rows are parsed as the answer arrives, in memory
    /// bounded by the largest row, so a model of tens of MB is read in constant memory. The request is sent when the
    /// enumeration starts; it is retried like a GET until the answer's headers arrive, not after.
    /// </summary>
    /// <param name="modelId">The model URN.</param>
    /// <param name="request">Which elements and columns; <see langword="null"/> reads every column of every element.</param>
    /// <param name="cancellationToken">Cancels the call and the enumeration.</param>
    /// <returns>The element rows (the version row is skipped), in the order the service sends them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelId"/> is <see langword="null"/>.</exception>
    /// <exception cref="Core.DigitalTwinInvalidResponseException">While enumerating: the answer is not a scan answer.</exception>
    /// <exception cref="Core.DigitalTwinConnectionException">While enumerating: the answer broke off.</exception>
    IAsyncEnumerable<ElementRow> ScanRowsAsync(ModelUrn modelId, ScanRequest? request = null, CancellationToken cancellationToken = default);

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
    /// <exception cref="ArgumentOutOfRangeException"><see cref="HistoryRequest.Limit"/> is less than 1.</exception>
    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(ModelUrn modelId, HistoryRequest? request = null, CancellationToken cancellationToken = default);
}
