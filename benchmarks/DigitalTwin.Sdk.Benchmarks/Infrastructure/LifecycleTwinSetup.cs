using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>Builds the SDK client and the raw baseline for a Lifecycle Twin emulator or an in-memory transport.</summary>
public static class LifecycleTwinSetup
{
    /// <summary>Credentials and headers the emulator accepts by default.</summary>
    public static readonly LifecycleTwinEmulatorOptions Defaults = new();

    /// <summary>Creates SDK options for <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">Service base URL.</param>
    /// <param name="projectId">Default project id.</param>
    /// <param name="pageSize">Page size.</param>
    /// <param name="prefetch">Whether to prefetch the next page.</param>
    /// <returns>The options.</returns>
    public static LifecycleTwinOptions Options(Uri baseUrl, string projectId, int pageSize = 500, bool prefetch = true) => new()
    {
        BaseUrl = baseUrl,
        ClientId = Defaults.ClientId,
        ClientSecret = Defaults.ClientSecret,
        Username = Defaults.Username,
        Password = Defaults.Password,
        ClientName = Defaults.ClientName,
        ProjectId = projectId,
        PageSize = pageSize,
        PrefetchNextPage = prefetch,
    };

    /// <summary>Creates a signed-in raw client.</summary>
    /// <param name="http">Transport.</param>
    /// <param name="baseUrl">Service base URL.</param>
    /// <param name="projectId">Project id.</param>
    /// <returns>The client.</returns>
    public static async Task<RawLifecycleTwinClient> RawAsync(HttpClient http, Uri baseUrl, string projectId)
    {
        var raw = new RawLifecycleTwinClient(http, baseUrl, Defaults.ClientName, projectId);
        await raw.SignInAsync(Defaults.ClientId, Defaults.ClientSecret, Defaults.Username, Defaults.Password).ConfigureAwait(false);
        return raw;
    }

    /// <summary>Reads the exact bytes the emulator answers to a token request and to a get-by-id of its first asset.</summary>
    /// <param name="emulator">A running emulator.</param>
    /// <returns>The token body and the asset body.</returns>
    public static async Task<(byte[] Token, byte[] Asset)> CaptureBodiesAsync(LifecycleTwinEmulator emulator)
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(
        [
            new("client_id", Defaults.ClientId), new("client_secret", Defaults.ClientSecret), new("username", Defaults.Username),
            new("password", Defaults.Password), new("grant_type", "password"),
        ]);
        using var tokenResponse = await http.PostAsync(new Uri(emulator.BaseUri, "api/token"), form).ConfigureAwait(false);
        tokenResponse.EnsureSuccessStatusCode();
        var token = await tokenResponse.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, "api/assets/" + Uri.EscapeDataString(emulator.Assets[0].Id)));
        using var parsed = System.Text.Json.JsonDocument.Parse(token);
        request.Headers.Authorization = new("Bearer", parsed.RootElement.GetProperty("access_token").GetString());
        request.Headers.TryAddWithoutValidation("clientname", Defaults.ClientName);
        request.Headers.TryAddWithoutValidation("projectid", emulator.ProjectId);
        request.Headers.TryAddWithoutValidation("select", RawLifecycleTwinClient.AssetSelect);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (token, await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
    }
}
