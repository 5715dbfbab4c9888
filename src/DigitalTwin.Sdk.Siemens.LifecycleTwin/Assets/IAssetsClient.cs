using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Assets of a site: <c>/api/assets</c> (site-scoped: sends the <c>projectid</c> header).</summary>
public interface IAssetsClient
{
    /// <summary>Lists the assets of a site, walking all pages lazily.</summary>
    /// <param name="query">Select, filter and sort; paging is done by the SDK. Without a selection <see cref="DefaultSelections.Asset"/> is sent; without a sort, <c>{"Id": "ascending"}</c>.</param>
    /// <param name="projectId">Site id; defaults to <see cref="LifecycleTwinOptions.ProjectId"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The assets.</returns>
    /// <exception cref="ArgumentException">No project id was given or configured.</exception>
    AsyncPageable<Asset> GetAssetsAsync(LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one asset by id.</summary>
    /// <param name="id">The asset id.</param>
    /// <param name="query">Field selection (its filter, sort and page are not sent: they apply to lists); without one <see cref="DefaultSelections.Asset"/> is sent.</param>
    /// <param name="projectId">Site id; defaults to <see cref="LifecycleTwinOptions.ProjectId"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The asset.</returns>
    /// <exception cref="Core.DigitalTwinNotFoundException">No such asset.</exception>
    Task<Asset> GetAssetAsync(string id, LifecycleTwinQuery? query = null, string? projectId = null, CancellationToken cancellationToken = default);
}
