using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Assets;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Auth;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Documents;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Entities;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Internal;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Sites;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Client of the Siemens Lifecycle Twin REST API: password-grant tokens (refreshed with the refresh token),
/// mandatory <c>clientname</c>/<c>projectid</c> headers, header-shaped queries and lazy paging.
/// </summary>
/// <remarks>Thread-safe; create one per tenant and reuse it (DI registers it as a singleton).</remarks>
public class LifecycleTwinClient : ILifecycleTwinClient
{
    /// <summary>Initializes a client without DI.</summary>
    /// <param name="options">Endpoint and credentials; validated here.</param>
    /// <param name="transport">Optional <see cref="HttpClient"/> the SDK pipeline sends through (its own handlers stay innermost); <see langword="null"/> for the SDK default.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="timeProvider">Optional clock (tests).</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each bad setting.</exception>
    public LifecycleTwinClient(LifecycleTwinOptions options, HttpClient? transport = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(
            StandaloneClient.Create(ResourceReader.VendorName, LifecycleTwinOptions.SectionName, options, transport, loggerFactory, timeProvider, tokenRuntime => new LifecycleTwinTokenSource(tokenRuntime, options)),
            options)
    {
    }

    internal LifecycleTwinClient(ClientRuntime runtime, LifecycleTwinOptions options)
    {
        var reader = new ResourceReader(runtime, options);
        Sites = new SitesClient(reader);
        Assets = new AssetsClient(reader);
        Documents = new DocumentsClient(reader);
        Entities = new EntitiesClient(reader);
    }

    /// <summary>Initializes an instance for mocking.</summary>
    protected LifecycleTwinClient()
    {
        Sites = null!;
        Assets = null!;
        Documents = null!;
        Entities = null!;
    }

    /// <inheritdoc />
    public virtual ISitesClient Sites { get; }

    /// <inheritdoc />
    public virtual IAssetsClient Assets { get; }

    /// <inheritdoc />
    public virtual IDocumentsClient Documents { get; }

    /// <inheritdoc />
    public virtual IEntitiesClient Entities { get; }
}
