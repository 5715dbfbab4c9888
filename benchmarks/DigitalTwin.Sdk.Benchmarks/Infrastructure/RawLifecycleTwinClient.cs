using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// The baseline: what a careful developer writes by hand with <see cref="HttpClient"/> and System.Text.Json source
/// generation for the same Lifecycle Twin requests — same headers, no retries, no rate limit, no telemetry.
/// </summary>
public sealed class RawLifecycleTwinClient
{
    /// <summary>
    /// The select header the vendor asks for on every GET (and the emulator requires on assets): the same fields the SDK's
    /// default asset selection sends, so both sides ask for and parse the same payload.
    /// </summary>
    public const string AssetSelect =
        "{\"Id\", \"Name\", \"Description\", \"ProjectId\", \"SerialNumber\", \"Quantity\", \"InstallationDate\", \"CreatedOn\", "
        + "\"Location\": {\"Id\", \"Name\"}, \"Systems\": {\"Id\", \"Name\"}, \"ModelObjects\": {\"ObjectId\"}, \"CustomFields\": {\"Id\", \"Name\", \"Value\"}}";

    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _clientName;
    private readonly string _projectId;
    private string? _token;

    /// <summary>Initializes the client.</summary>
    /// <param name="http">Transport.</param>
    /// <param name="baseUrl">Service base URL (ending in <c>/</c>).</param>
    /// <param name="clientName">The <c>clientname</c> header.</param>
    /// <param name="projectId">The <c>projectid</c> header.</param>
    public RawLifecycleTwinClient(HttpClient http, Uri baseUrl, string clientName, string projectId)
    {
        _http = http;
        _baseUrl = baseUrl;
        _clientName = clientName;
        _projectId = projectId;
    }

    /// <summary>Requests a token with the password grant and keeps it.</summary>
    /// <param name="clientId">Client id.</param>
    /// <param name="clientSecret">Client secret.</param>
    /// <param name="user">User name.</param>
    /// <param name="password">Password.</param>
    /// <returns>A task.</returns>
    public async Task SignInAsync(string clientId, string clientSecret, string user, string password)
    {
        using var content = new FormUrlEncodedContent(
        [
            new("client_id", clientId), new("client_secret", clientSecret), new("username", user),
            new("password", password), new("grant_type", "password"),
        ]);
        using var response = await _http.PostAsync(new Uri(_baseUrl, "api/token"), content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync(RawJsonContext.Default.RawTokenResponse).ConfigureAwait(false);
        _token = token!.AccessToken;
    }

    /// <summary>Gets one asset by id (the service answers with a one-element array).</summary>
    /// <param name="id">Asset id.</param>
    /// <returns>The asset.</returns>
    public async Task<RawAsset> GetAssetAsync(string id)
    {
        using var request = Create(new Uri(_baseUrl, "api/assets/" + Uri.EscapeDataString(id)));
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var list = await response.Content.ReadFromJsonAsync(RawJsonContext.Default.ListRawAsset).ConfigureAwait(false);
        return list![0];
    }

    /// <summary>Gets one page of assets sorted by id.</summary>
    /// <param name="page">Page number.</param>
    /// <param name="size">Page size.</param>
    /// <returns>The page.</returns>
    public async Task<List<RawAsset>> GetAssetsPageAsync(int page, int size)
    {
        using var request = Create(new Uri(_baseUrl, "api/assets"));
        request.Headers.TryAddWithoutValidation("sort", "{\"Id\": \"ascending\"}");
        request.Headers.TryAddWithoutValidation("pagination", "{\"page\" : " + page + ", \"size\" : " + size + "}");
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(RawJsonContext.Default.ListRawAsset).ConfigureAwait(false))!;
    }

    private HttpRequestMessage Create(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(AcceptJson);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.TryAddWithoutValidation("clientname", _clientName);
        request.Headers.TryAddWithoutValidation("projectid", _projectId);
        request.Headers.TryAddWithoutValidation("select", AssetSelect);
        return request;
    }
}
