using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.BuildingX;

namespace DigitalTwin.Sdk.Testing.Tests.BuildingX;

/// <summary>Raw HTTP access to a <see cref="BuildingXEmulator"/> for the emulator tests (no SDK involved).</summary>
internal sealed class BuildingXTestClient(BuildingXEmulator emulator) : IDisposable
{
    public const string JsonApi = "application/vnd.api+json";

    public HttpClient Http { get; } = new();

    public BuildingXEmulator Emulator { get; } = emulator;

    public string? Token { get; private set; }

    public static async Task<(BuildingXEmulator Emulator, BuildingXTestClient Client)> StartAsync(BuildingXEmulatorOptions? options = null)
    {
        var emulator = await BuildingXEmulator.StartAsync(options);
        var client = new BuildingXTestClient(emulator);
        await client.AuthenticateAsync();
        return (emulator, client);
    }

    public async Task AuthenticateAsync()
    {
        var body = new JsonObject
        {
            ["client_id"] = Emulator.ClientId,
            ["client_secret"] = Emulator.ClientSecret,
            ["audience"] = Emulator.Audience,
            ["grant_type"] = "client_credentials",
        };
        using var response = await Http.PostAsync(Emulator.TokenUri, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        Token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    /// <summary>An Operations API URL, or an Accounts API one for <c>me/...</c> and <c>customers/...</c>.</summary>
    public Uri Url(string relative)
    {
        relative = relative.TrimStart('/');
        var accounts = relative.StartsWith("me/", StringComparison.Ordinal) || relative.StartsWith("customers/", StringComparison.Ordinal);
        return new((accounts ? Emulator.AccountsBaseUri : Emulator.ApiBaseUri).ToString().TrimEnd('/') + "/" + relative);
    }

    public async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(HttpMethod method, string relative, JsonNode? body = null, string contentType = JsonApi)
    {
        using var request = new HttpRequestMessage(method, relative.StartsWith("http", StringComparison.Ordinal) ? new Uri(relative) : Url(relative));
        request.Headers.Accept.ParseAdd(JsonApi);
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString());
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(HttpResponseMessage Response, JsonNode? Body)> GetAsync(string relative) => SendAsync(HttpMethod.Get, relative);

    public async Task<JsonNode> GetOkAsync(string relative)
    {
        var (response, body) = await GetAsync(relative);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {relative}: {body?.ToJsonString()}");
        return body!;
    }

    public void Dispose() => Http.Dispose();
}
