using System.Net;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

/// <summary>
/// A shared Lifecycle Twin emulator and a raw <see cref="HttpClient"/> with a token, so tests can send the headers
/// our builders produce and read what the emulator (an independent implementation of LT-WIRE.md) makes of them.
/// </summary>
public sealed class EmulatorQueryFixture : IAsyncLifetime
{
    private HttpClient? _http;
    private string? _token;

    public LifecycleTwinEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { SiteCount = 6 });
        _http = new HttpClient { BaseAddress = Emulator.BaseUri };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = Emulator.ClientId,
            ["client_secret"] = Emulator.ClientSecret,
            ["username"] = Emulator.Username,
            ["password"] = Emulator.Password,
            ["grant_type"] = "password",
        });
        using var response = await _http.PostAsync(new Uri("api/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        _token = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"];
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>Sends <c>GET /api/{entity}</c> with the query's headers and returns the status and raw body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(string entity, LifecycleTwinQuery query, bool siteScoped = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/" + entity, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("authorization", "Bearer " + _token);
        request.Headers.TryAddWithoutValidation("clientname", Emulator.ClientName);
        if (siteScoped)
        {
            request.Headers.TryAddWithoutValidation("projectid", Emulator.ProjectId);
        }

        query.ApplyTo(request.Headers);
        using var response = await _http!.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends the query and returns the JSON array, failing with the emulator's message on a non-200 answer.</summary>
    public async Task<JsonArray> ListAsync(string entity, LifecycleTwinQuery query, bool siteScoped = true)
    {
        var (status, body) = await SendAsync(entity, query, siteScoped);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}{Environment.NewLine}{query}");
        return JsonNode.Parse(body)!.AsArray();
    }

    /// <summary>Sends the query and returns the <c>Id</c> of every item, in response order.</summary>
    public async Task<List<string>> IdsAsync(string entity, LifecycleTwinQuery query, bool siteScoped = true)
    {
        var items = await ListAsync(entity, query, siteScoped);
        var ids = new List<string>(items.Count);
        foreach (var item in items)
        {
            ids.Add((string)item!["Id"]!);
        }

        return ids;
    }
}
