using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <content>Request parsing and response writing shared by the REST handlers.</content>
public sealed partial class ThreadEdgeEmulator
{
    private async Task<SimulatedPort?> QueryPortAsync(HttpContext ctx)
    {
        var raw = ctx.Request.Query["port"].ToString();
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 3)
        {
            await BadRequest(ctx, "port must be 1, 2 or 3").ConfigureAwait(false);
            return null;
        }

        return _ports[number - 1];
    }

    private async Task<SimulatedPort?> BodyPortAsync(HttpContext ctx, JsonObject body, bool allowString)
    {
        if (!TryGetInt(body["portNumber"], allowString, out var number) || number is < 1 or > 3)
        {
            await BadRequest(ctx, "portNumber must be 1, 2 or 3").ConfigureAwait(false);
            return null;
        }

        return _ports[number - 1];
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        try
        {
            if (!string.IsNullOrWhiteSpace(text) && JsonNode.Parse(text) is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
            // Falls through to the 400 below.
        }

        await BadRequest(ctx, "the body must be a JSON object").ConfigureAwait(false);
        return null;
    }

    private static bool TryGetInt(JsonNode? node, bool allowString, out int value)
    {
        value = 0;
        if (node is not JsonValue json)
        {
            return false;
        }

        return json.GetValueKind() switch
        {
            JsonValueKind.Number => json.TryGetValue(out value),
            JsonValueKind.String when allowString => int.TryParse(json.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static bool TryGetBoolean(JsonNode? node, bool allowString, out bool value)
    {
        value = false;
        if (node is not JsonValue json)
        {
            return false;
        }

        switch (json.GetValueKind())
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String when allowString:
                var text = json.GetValue<string>();
                value = text == "true";
                return text is "true" or "false";
            default:
                return false;
        }
    }

    private static string? GetString(JsonNode? node) =>
        node is JsonValue json && json.GetValueKind() == JsonValueKind.String ? json.GetValue<string>() : null;

    private static bool IsVersion(string text)
    {
        var parts = text.Split('.');
        return parts.Length is >= 2 and <= 4 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Error(string code, string message) => new() { ["code"] = code, ["message"] = message };

    private static Task Ok(HttpContext ctx, JsonObject body) => Respond(ctx, StatusCodes.Status200OK, body);

    private static Task BadRequest(HttpContext ctx, string message) =>
        Respond(ctx, StatusCodes.Status400BadRequest, Error("invalid_request", message));

    private static Task Respond(HttpContext ctx, int status, JsonObject body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body.ToJsonString(), ctx.RequestAborted);
    }
}
