using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Http;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Builds the runtime of a client constructed without DI: validated options, API and token pipelines, token cache.</summary>
internal static class StandaloneClient
{
    /// <summary>
    /// Creates the API runtime. A caller's <paramref name="credential"/> supplies the tokens; otherwise
    /// <paramref name="createTokenSource"/> receives the token runtime (no auth, no rate limit) and returns the vendor's
    /// grant flow, or <see langword="null"/> for unauthenticated APIs.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad setting.</exception>
    public static ClientRuntime Create(
        string vendor,
        string sectionPath,
        DigitalTwinClientOptions options,
        HttpClient? transport,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider,
        Func<ClientRuntime, ITokenSource?> createTokenSource,
        ITokenProvider? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate(sectionPath);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid options: " + string.Join(" ", errors), nameof(options));
        }

        var tokenRuntime = new ClientRuntime(vendor, options, timeProvider, loggerFactory, useRateLimit: false);
        var tokenClient = HttpPipeline.CreateClient(tokenRuntime, transport, authenticate: false, rateLimit: false);
        tokenRuntime.UseHttpClientFactory(() => tokenClient);

        var runtime = new ClientRuntime(vendor, options, timeProvider, loggerFactory);
        if (credential is not null)
        {
            runtime.Tokens = credential;
        }
        else if (createTokenSource(tokenRuntime) is { } source)
        {
            runtime.Tokens = new TokenCache(source, runtime.Time, new TokenCacheOptions { Vendor = runtime.Vendor });
        }

        var client = HttpPipeline.CreateClient(runtime, transport);
        runtime.UseHttpClientFactory(() => client);
        return runtime;
    }
}
