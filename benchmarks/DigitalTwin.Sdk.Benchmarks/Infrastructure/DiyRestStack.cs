using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// The asset GET as a developer declares it with Refit for the do-it-yourself stack: the constant headers (accept,
/// <c>clientname</c>, <c>projectid</c>, <c>select</c>) live on the client, the bearer comes from a handler.
/// </summary>
public interface IDiyAssetsApi
{
    /// <summary>Gets one asset by id (the service answers with a one-element array).</summary>
    /// <param name="id">Asset id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    [Get("/api/assets/{id}")]
    Task<List<RawAsset>> GetAssetAsync(string id, CancellationToken cancellationToken = default);
}

/// <summary>
/// What a developer builds from the standard packages instead of the SDK (the <c>rest_vs_diy</c> peer): a Refit
/// source-generated client (<c>AddRefitGeneratedClient</c> with a System.Text.Json source-generated context) on an
/// <see cref="IHttpClientFactory"/> client with <c>AddStandardResilienceHandler()</c> and a
/// <see cref="DelegatingHandler"/> that adds the bearer header from a cached token; the host's logger factory.
/// </summary>
public static class DiyRestStack
{
    /// <summary>Name of the token client.</summary>
    public const string TokenClient = "diy-token";

    /// <summary>Registers the stack in a host's container (which already has the host's <c>ILoggerFactory</c>).</summary>
    /// <param name="services">The container.</param>
    /// <param name="primary">Primary handler of every client (the in-memory canned handler, or a socket handler).</param>
    /// <param name="baseUrl">Service base URL.</param>
    /// <param name="projectId">The <c>projectid</c> header.</param>
    /// <returns>The container.</returns>
    public static IServiceCollection AddDiyRestStack(this IServiceCollection services, HttpMessageHandler primary, Uri baseUrl, string projectId)
    {
        services.AddSingleton(sp => new DiyTokenCache(sp.GetRequiredService<IHttpClientFactory>(), new Uri(baseUrl, "api/token")));
        services.AddTransient<DiyBearerHandler>();
        services.AddHttpClient(TokenClient).ConfigurePrimaryHttpMessageHandler(() => primary);
        var client = services.AddRefitGeneratedClient<IDiyAssetsApi>(RawJsonContext.Default)
            .ConfigureHttpClient(http =>
            {
                http.BaseAddress = baseUrl;
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                http.DefaultRequestHeaders.TryAddWithoutValidation("clientname", LifecycleTwinSetup.Defaults.ClientName);
                http.DefaultRequestHeaders.TryAddWithoutValidation("projectid", projectId);
                http.DefaultRequestHeaders.TryAddWithoutValidation("select", RawLifecycleTwinClient.AssetSelect);
            })
            .ConfigurePrimaryHttpMessageHandler(() => primary);

        // Handlers run in the order added: the standard pipeline (rate limiter, total timeout, retry, circuit breaker,
        // attempt timeout) outside, the bearer handler inside it so every attempt carries the current token.
        client.AddStandardResilienceHandler();
        client.AddHttpMessageHandler<DiyBearerHandler>();
        return services;
    }
}

/// <summary>Adds <c>Authorization: Bearer</c> from the cached token to every request (inside the retry, so a retry sees a refreshed token).</summary>
/// <param name="tokens">The token cache.</param>
public sealed class DiyBearerHandler(DiyTokenCache tokens) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A token cache as a developer writes it: the password grant once, reused until a minute before it expires, one refresh at a time.</summary>
/// <param name="factory">Source of the token client.</param>
/// <param name="tokenUri">The token endpoint.</param>
public sealed class DiyTokenCache(IHttpClientFactory factory, Uri tokenUri)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    /// <summary>Returns the cached token, or signs in first.</summary>
    /// <param name="cancellationToken">Cancels a sign-in.</param>
    /// <returns>The access token.</returns>
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _token) is { } token && DateTimeOffset.UtcNow < _refreshAt ? new(token) : new(RefreshAsync(cancellationToken));

    private async Task<string> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } current && DateTimeOffset.UtcNow < _refreshAt)
            {
                return current;
            }

            var d = LifecycleTwinSetup.Defaults;
            using var form = new FormUrlEncodedContent(
            [
                new("client_id", d.ClientId), new("client_secret", d.ClientSecret), new("username", d.Username),
                new("password", d.Password), new("grant_type", "password"),
            ]);
            using var http = factory.CreateClient(DiyRestStack.TokenClient);
            using var response = await http.PostAsync(tokenUri, form, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync(RawJsonContext.Default.RawTokenResponse, cancellationToken).ConfigureAwait(false);
            _refreshAt = DateTimeOffset.UtcNow.AddSeconds(answer!.ExpiresIn - 60);
            Volatile.Write(ref _token, answer.AccessToken);
            return answer.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
