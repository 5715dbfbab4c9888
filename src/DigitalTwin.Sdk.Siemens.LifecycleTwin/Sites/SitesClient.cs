using DigitalTwin.Sdk.Core.Paging;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Internal;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Query;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Sites;

/// <summary>Sites (projects) of the portfolio: <c>/api/clientprojects</c>. Not site-scoped (no <c>projectid</c> header).</summary>
public class SitesClient : ISitesClient
{
    private readonly ResourceReader? _reader;

    internal SitesClient(ResourceReader reader) => _reader = reader;

    /// <summary>Initializes an instance for mocking.</summary>
    protected SitesClient()
    {
    }

    private ResourceReader Reader => _reader ?? throw new InvalidOperationException("This instance was created for mocking.");

    /// <inheritdoc />
    public virtual AsyncPageable<Site> GetSitesAsync(LifecycleTwinQuery? query = null, CancellationToken cancellationToken = default) =>
        Reader.List("clientprojects", siteScoped: false, null, query, DefaultSelections.Site, LifecycleTwinJsonContext.Default.ListSite, "GetSites", cancellationToken);

    /// <inheritdoc />
    public virtual Task<Site> GetSiteAsync(string siteId, LifecycleTwinQuery? query = null, CancellationToken cancellationToken = default) =>
        Reader.GetAsync("clientprojects", siteId, siteScoped: false, null, query, DefaultSelections.Site, LifecycleTwinJsonContext.Default.Site, LifecycleTwinJsonContext.Default.ListSite, "GetSite", cancellationToken);
}
