using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Assets of a site over <see cref="IAssetsApi"/> (site-scoped: sends the <c>projectid</c> header).</summary>
internal sealed class AssetsClient(ResourceReader reader, IAssetsApi api) : IAssetsClient
{
    public AsyncPageable<Asset> GetAssetsAsync(LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default)
    {
        var project = reader.ResolveProject(projectId);
        return reader.List(
            query,
            DefaultSelections.Asset,
            LifecycleTwinJsonContext.Default.ListAsset,
            (h, ct) => api.GetAssetsAsync(reader.ClientName, project, h.Select, h.Filter, h.Sort, h.Pagination, h.Other, "GetAssets", ct),
            cancellationToken);
    }

    public Task<Asset> GetAssetAsync(string id, LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var project = reader.ResolveProject(projectId);
        return reader.GetAsync(
            "assets",
            id,
            query,
            DefaultSelections.Asset,
            LifecycleTwinJsonContext.Default.Asset,
            LifecycleTwinJsonContext.Default.ListAsset,
            (h, ct) => api.GetAssetAsync(id, reader.ClientName, project, h.Select, h.Filter, h.Sort, h.Pagination, h.Other, "GetAsset", ct),
            cancellationToken);
    }
}
