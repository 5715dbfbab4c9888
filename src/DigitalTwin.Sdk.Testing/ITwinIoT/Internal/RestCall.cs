using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <summary>One REST request with the error shape of its publication (iTwin IoT <c>errors[]</c> or iTwin Platform <c>error{}</c>).</summary>
internal sealed class RestCall(HttpContext context, bool platform, string path)
{
    public HttpContext Context { get; } = context;

    /// <summary>Gets a value indicating whether the call came through the iTwin Platform publication (<c>/sensor-data/</c>).</summary>
    public bool Platform { get; } = platform;

    public string Path { get; } = path;

    public string Project(ITwinIoTStore store) =>
        Context.Request.Query.TryGetValue("projectIds", out var projects) && !string.IsNullOrEmpty(projects.ToString()) ? projects.ToString() : store.DefaultProjectId;

    public async Task<JsonNode?> ReadBodyAsync()
    {
        try
        {
            return await JsonNode.ParseAsync(Context.Request.Body, cancellationToken: Context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task JsonAsync(int status, JsonNode body)
    {
        Context.Response.StatusCode = status;
        Context.Response.ContentType = Platform && status < 400 ? "application/vnd.bentley.itwin-platform.v1+json" : "application/json";
        await Context.Response.WriteAsync(body.ToJsonString(), Context.RequestAborted).ConfigureAwait(false);
    }

    public Task ErrorAsync(int status, string code, string message, string? target)
    {
        JsonNode body = Platform
            ? new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["target"] = target } }
            : new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["path"] = target }) };
        return JsonAsync(status, body);
    }
}
