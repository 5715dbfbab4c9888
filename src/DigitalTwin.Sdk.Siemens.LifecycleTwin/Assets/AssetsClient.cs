using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Internal;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Query;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Assets;

/// <summary>Assets of a site: <c>/api/assets</c> (site-scoped: sends the <c>projectid</c> header).</summary>
public class AssetsClient : IAssetsClient
{
    private readonly ResourceReader? _reader;

    internal AssetsClient(ResourceReader reader) => _reader = reader;

    /// <summary>Initializes an instance for mocking.</summary>
    protected AssetsClient()
    {
    }

    private ResourceReader Reader => _reader ?? throw new InvalidOperationException("This instance was created for mocking.");

    /// <inheritdoc />
    public virtual AsyncPageable<Asset> GetAssetsAsync(LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default) =>
        Reader.List("assets", siteScoped: true, projectId, query, DefaultSelections.Asset, LifecycleTwinJsonContext.Default.ListAsset, "GetAssets", cancellationToken);

    /// <inheritdoc />
    public virtual Task<Asset> GetAssetAsync(string id, LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default) =>
        Reader.GetAsync("assets", id, siteScoped: true, projectId, query, DefaultSelections.Asset, LifecycleTwinJsonContext.Default.Asset, LifecycleTwinJsonContext.Default.ListAsset, "GetAsset", cancellationToken);
}
