using System.Net;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

/// <summary>Raw HTTP access to a <see cref="LifecycleTwinEmulator"/>, building the wire requests by hand.</summary>
internal sealed class LifecycleTwinApi(LifecycleTwinEmulator emulator) : IDisposable
{
    public LifecycleTwinEmulator Emulator { get; } = emulator;

    public HttpClient Http { get; } = new() { BaseAddress = emulator.BaseUri };

    public string? AccessToken { get; set; }

    public Task<HttpResponseMessage> PostTokenAsync(params (string Name, string Value)[] form) =>
        Http.PostAsync("api/token", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    public Task<HttpResponseMessage> PasswordGrantAsync(string? password = null) => PostTokenAsync(
        ("client_id", Emulator.ClientId),
        ("client_secret", Emulator.ClientSecret),
        ("username", Emulator.Username),
        ("password", password ?? Emulator.Password),
        ("grant_type", "password"));

    public Task<HttpResponseMessage> RefreshGrantAsync(string refreshToken) => PostTokenAsync(
        ("client_id", Emulator.ClientId),
        ("client_secret", Emulator.ClientSecret),
        ("grant_type", "refresh_token"),
        ("refresh_token", refreshToken));

    public async Task<JsonObject> TokenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task<string> SignInAsync()
    {
        var token = await TokenAsync(await PasswordGrantAsync());
        AccessToken = (string)token["access_token"]!;
        return AccessToken;
    }

    /// <summary>Every field of each resource, sent as <c>select</c> when a test names none (the emulator requires one).</summary>
    public static string AllFields(string path)
    {
        var resource = path.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } segments ? segments[1] : path;
        return resource.ToLowerInvariant() switch
        {
            "clientprojects" => "{\"Name\", \"IsEnabled\", \"CreatedOn\", \"Location\", \"Id\", \"CreatedOnLocal\", \"ModifiedOnLocal\", \"CityName\", \"OwnerOrganization\", \"Latitude\", \"Longitude\"}",
            "assets" => "{\"Id\", \"Name\", \"Description\", \"ProjectId\", \"SerialNumber\", \"Quantity\", \"InstallationDate\", \"CreatedOn\", \"Location\", \"Systems\", \"ModelObjects\", \"CustomFields\"}",
            "locations" => "{\"Id\", \"Name\", \"ChildrenCount\", \"ParentId\"}",
            "systems" => "{\"Id\", \"Name\", \"Description\"}",
            _ => string.Empty,
        };
    }

    /// <summary>
    /// Sends a GET with the mandatory headers (each can be overridden or left out with <c>""</c>) and query headers;
    /// without a <paramref name="select"/>, every field of the resource is selected (<c>""</c> sends none).
    /// </summary>
    public Task<HttpResponseMessage> GetAsync(
        string path,
        string? select = null,
        string? filter = null,
        string? sort = null,
        string? pagination = null,
        string? authorization = null,
        string? clientName = null,
        string? projectId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        Add(request, "authorization", authorization ?? "Bearer " + AccessToken);
        Add(request, "clientname", clientName ?? Emulator.ClientName);
        Add(request, "projectid", projectId ?? Emulator.ProjectId);
        Add(request, "select", select ?? AllFields(path));
        Add(request, "filter", filter);
        Add(request, "sort", sort);
        Add(request, "pagination", pagination);
        return Http.SendAsync(request);
    }

    public async Task<JsonArray> ListAsync(
        string path,
        string? select = null,
        string? filter = null,
        string? sort = null,
        string? pagination = null,
        string? projectId = null)
    {
        using var response = await GetAsync(path, select, filter, sort, pagination, projectId: projectId);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsArray();
    }

    /// <summary>Asserts a <c>{"Message": ...}</c> error with <paramref name="status"/> and returns the message.</summary>
    public static async Task<string> ErrorMessageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (string)JsonNode.Parse(body)!["Message"]!;
    }

    public static IReadOnlyList<string> Ids(JsonArray items) => items.Select(i => (string)i!["Id"]!).ToList();

    public void Dispose() => Http.Dispose();

    private static void Add(HttpRequestMessage request, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
