using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Streams (sensor time series) of a twin's default model: last values, readings and ingest.</summary>
/// <remarks>
/// Streams live in the default model: pass <see cref="TwinUrn.DefaultModel"/>. The timeseries API names a stream by its FULL
/// element key (<see cref="ElementKey.IsFull"/>: the logical prefix 0x01000000 and the scan's short key); a short key (a scan
/// row's <see cref="ElementRow.Key"/>) is converted with <see cref="ElementKeyKind.Logical"/>, since every stream is a logical
/// element (<see cref="ElementFlags.Stream"/>).
/// </remarks>
public interface ITandemStreamsClient
{
    /// <summary>Reads the newest reading of each property of some streams (<c>POST timeseries/models/{modelID}/streams</c>).</summary>
    /// <param name="modelId">The default model URN.</param>
    /// <param name="streamKeys">Element keys of the streams, full or short.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Readings by FULL stream key, as the service answers them; unknown keys are absent.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="streamKeys"/> is empty or holds an empty key.</exception>
    Task<IReadOnlyDictionary<ElementKey, StreamReadings>> GetLastValuesAsync(ModelUrn modelId, IReadOnlyList<ElementKey> streamKeys, CancellationToken cancellationToken = default);

    /// <summary>Reads the readings of one stream (<c>GET timeseries/models/{modelID}/streams/{key}</c>).</summary>
    /// <param name="modelId">The default model URN.</param>
    /// <param name="streamKey">Element key of the stream, full or short.</param>
    /// <param name="query">Range, limit and order; <see langword="null"/> for the service defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The readings per property.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="streamKey"/> is empty (<see langword="default"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The query has a non-positive limit or an inverted range.</exception>
    Task<StreamReadings> GetReadingsAsync(ModelUrn modelId, ElementKey streamKey, StreamReadingsQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends readings (<c>POST timeseries/models/{modelID}/webhooks/generic</c>). Requests to one model are spaced at least
    /// one second apart (the service's 1 request/s limit), and a body over 10 MB is refused before anything is sent.
    /// Sent again after a 429 (the service refused it, nothing was stored), but not after a 5xx or a lost answer, which
    /// may have been stored and would be duplicated.
    /// </summary>
    /// <param name="modelId">The default model URN.</param>
    /// <param name="items">The readings; batch many into one call.</param>
    /// <param name="cancellationToken">Cancels the call (also while waiting for the rate limit).</param>
    /// <returns>A task that completes when the service accepted the readings.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty, or its JSON body exceeds <see cref="TandemServiceLimits.MaxRequestBodyBytes"/>.</exception>
    Task SendReadingsAsync(ModelUrn modelId, IReadOnlyCollection<StreamIngestItem> items, CancellationToken cancellationToken = default);
}
