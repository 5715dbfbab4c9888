using Refit;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// The raw asset GET declared with Refit and nothing else (no pipeline): what Refit's generated client alone costs over a
/// hand-written <see cref="HttpClient"/> call (<c>--shares</c>).
/// </summary>
public interface IRawAssetsApi
{
    /// <summary>Gets one asset by id (the service answers with a one-element array).</summary>
    /// <param name="id">Asset id.</param>
    /// <param name="clientName">The <c>clientname</c> header.</param>
    /// <param name="projectId">The <c>projectid</c> header.</param>
    /// <param name="select">The <c>select</c> header.</param>
    /// <param name="token">The bearer token.</param>
    /// <returns>The answer.</returns>
    [Get("/api/assets/{id}")]
    [Headers("Accept: application/json")]
    Task<List<RawAsset>> GetAssetAsync(string id, [Header("clientname")] string clientName, [Header("projectid")] string projectId, [Header("select")] string select, [Authorize("Bearer")] string token);
}
