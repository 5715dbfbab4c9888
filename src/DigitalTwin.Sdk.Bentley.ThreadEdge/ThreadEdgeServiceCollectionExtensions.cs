using DigitalTwin.Sdk.Bentley.ThreadEdge;
using DigitalTwin.Sdk.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

// DI extensions live in the framework's namespace so services.AddThreadEdge lights up without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IThreadEdgeClient"/> with dependency injection.</summary>
public static class ThreadEdgeServiceCollectionExtensions
{
    private const string VendorKey = "ThreadEdge";

    /// <summary>Registers a THREAD edge client configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (e.g. <c>BaseUrl</c>); may be <see langword="null"/> for the defaults (<c>http://localhost/</c>).</param>
    /// <param name="name">Name of this client when an app talks to several THREADs; resolve it as a keyed <see cref="IThreadEdgeClient"/>.
    /// The default name also registers the unkeyed service.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>Options are validated at start-up (<c>ValidateOnStart</c>).</remarks>
    public static IHttpClientBuilder AddThreadEdge(this IServiceCollection services, Action<ThreadEdgeOptions>? configure = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        name ??= Options.Options.DefaultName;
        if (configure is not null)
        {
            services.Configure(name, configure);
        }

        return Register(services, name);
    }

    /// <summary>Registers a THREAD edge client bound to the configuration section <c>DigitalTwin:ThreadEdge</c> (key <c>BaseUrl</c>, ...).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root (the section is looked up in it).</param>
    /// <param name="name">Name of this client; see <see cref="AddThreadEdge(IServiceCollection, Action{ThreadEdgeOptions}?, string?)"/>.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddThreadEdge(this IServiceCollection services, IConfiguration configuration, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        name ??= Options.Options.DefaultName;
        services.AddOptions<ThreadEdgeOptions>(name).Bind(configuration.GetSection(ThreadEdgeOptions.SectionName));
        return Register(services, name);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string name)
    {
        // The edge API has no authentication: the runtime gets no token provider.
        var builder = ClientRegistration.AddVendorHttpClient<ThreadEdgeOptions>(
            services, VendorKey, ThreadEdgeClient.VendorName, name, ThreadEdgeOptions.SectionName, static (_, _, _, _) => { });
        ClientRegistration.AddClient<IThreadEdgeClient, ThreadEdgeClient>(services, VendorKey, name, static runtime => new ThreadEdgeClient(runtime));
        return builder;
    }
}
