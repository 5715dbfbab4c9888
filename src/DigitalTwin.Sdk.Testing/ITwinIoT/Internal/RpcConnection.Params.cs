using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <content>Parameter reading and validation.</content>
internal sealed partial class RpcConnection
{
    private string ProjectOf(JsonObject p)
    {
        var projects = OptionalStrings(p, "projectIds");
        if (projects is null || projects.Count == 0)
        {
            return _store.DefaultProjectId;
        }

        if (projects.Count > 1)
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "Currently only a single projectId is supported per request.");
        }

        return projects.First();
    }

    private static HashSet<string>? OptionalStrings(JsonObject p, string name)
    {
        var node = p[name];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"{name} must be an array of strings.");
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"{name} must be an array of strings.");
            }

            result.Add(value.GetValue<string>());
        }

        return result;
    }

    private static HashSet<string> RequiredStrings(JsonObject p, string name)
    {
        var result = OptionalStrings(p, name);
        if (result is null || result.Count == 0)
        {
            throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"{name} is required.");
        }

        return result;
    }

    private static string RequiredString(JsonObject p, string name)
    {
        if (p[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text)
        {
            return text;
        }

        throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"{name} is required.");
    }

    private static string? OptionalString(JsonObject p, string name) =>
        p[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static long RequiredId(JsonObject p)
    {
        if (p["id"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var id))
        {
            return id;
        }

        throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, "id (the subscription id) is required.");
    }

    private static DateTimeOffset? OptionalDate(JsonObject p, string name)
    {
        var text = OptionalString(p, name);
        if (text is null)
        {
            return p[name] is null ? null : throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"{name} must be an ISO date string.");
        }

        return ParseDate(text) ?? throw new RpcError(ITwinIoTEmulatorErrors.InvalidParams, $"{name} must be an ISO date string.");
    }

    private static DateTimeOffset? ParseDate(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;
}
