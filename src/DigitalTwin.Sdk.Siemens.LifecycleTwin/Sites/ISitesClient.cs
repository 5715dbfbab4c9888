using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Sites (projects) of the portfolio: <c>/api/clientprojects</c>.</summary>
public interface ISitesClient
{
    /// <summary>Lists the sites of the portfolio, walking all pages lazily.</summary>
    /// <param name="query">Select, filter and sort; paging is done by the SDK. Without a selection <see cref="DefaultSelections.Site"/> is sent; without a sort, <c>{"Id": "ascending"}</c>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The sites.</returns>
    AsyncPageable<Site> GetSitesAsync(LifecycleTwinQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one site by id.</summary>
    /// <param name="siteId">The site id.</param>
    /// <param name="query">Field selection (its filter, sort and page are not sent: they apply to lists); without one <see cref="DefaultSelections.Site"/> is sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The site.</returns>
    /// <exception cref="Core.DigitalTwinNotFoundException">No such site.</exception>
    Task<Site> GetSiteAsync(string siteId, LifecycleTwinQuery? query = null, CancellationToken cancellationToken = default);
}
