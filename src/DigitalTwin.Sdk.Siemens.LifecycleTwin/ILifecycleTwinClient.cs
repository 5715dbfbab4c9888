using DigitalTwin.Sdk.Siemens.LifecycleTwin.Assets;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Documents;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Entities;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Sites;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Entry point of the Siemens Lifecycle Twin API; register with <c>services.AddLifecycleTwin(…)</c> or construct <see cref="LifecycleTwinClient"/>.</summary>
public interface ILifecycleTwinClient
{
    /// <summary>Gets the sites (projects) of the portfolio.</summary>
    ISitesClient Sites { get; }

    /// <summary>Gets the assets of a site.</summary>
    IAssetsClient Assets { get; }

    /// <summary>Gets the documents of a site.</summary>
    IDocumentsClient Documents { get; }

    /// <summary>Gets any other entity type as raw JSON.</summary>
    IEntitiesClient Entities { get; }
}
