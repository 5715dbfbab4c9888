namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Entry point of the Siemens Lifecycle Twin API; register with <c>services.AddLifecycleTwin(…)</c> or construct
/// <see cref="LifecycleTwinClient"/>. Implement this interface (and the sub-client interfaces) to fake the client in tests.
/// </summary>
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
