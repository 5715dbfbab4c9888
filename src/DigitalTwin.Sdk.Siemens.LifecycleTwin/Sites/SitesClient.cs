using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Sites (projects) of the portfolio over <see cref="ISitesApi"/>. Not site-scoped (no <c>projectid</c> header).</summary>
internal sealed class SitesClient(ResourceReader reader, ISitesApi api) : ISitesClient
{
    public AsyncPageable<Site> GetSitesAsync(LifecycleTwinQuery? query = null, CancellationToken cancellationToken = default) =>
        reader.List(
            query,
            DefaultSelections.Site,
            LifecycleTwinJsonContext.Default.ListSite,
            (h, ct) => api.GetSitesAsync(reader.ClientName, h.Select, h.Filter, h.Sort, h.Pagination, h.Other, "GetSites", ct),
            cancellationToken);

    public Task<Site> GetSiteAsync(string siteId, LifecycleTwinQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        return reader.GetAsync(
            "clientprojects",
            siteId,
            query,
            DefaultSelections.Site,
            LifecycleTwinJsonContext.Default.Site,
            LifecycleTwinJsonContext.Default.ListSite,
            (h, ct) => api.GetSiteAsync(siteId, reader.ClientName, h.Select, h.Filter, h.Sort, h.Pagination, h.Other, "GetSite", ct),
            cancellationToken);
    }
}
