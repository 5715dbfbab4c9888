using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.Tandem;

/// <content>Model data: element scan, schema, history.</content>
public sealed partial class TandemEmulator
{
    private void MapModelDataEndpoints(WebApplication app)
    {
        app.MapPost(DataRoot + "/modeldata/{modelId}/scan", ScanAsync);
        app.MapGet(DataRoot + "/modeldata/{modelId}/schema", GetSchemaAsync);
        app.MapPost(DataRoot + "/modeldata/{modelId}/history", HistoryAsync);
    }

    /// <summary>Checks auth and the model of the route; writes the error and returns <see langword="null"/> when refused.</summary>
    private async Task<string?> ResolveModelAsync(HttpContext context, string scope)
    {
        if (!await AuthorizeDataAsync(context, scope).ConfigureAwait(false))
        {
            return null;
        }

        var modelId = (string)context.Request.RouteValues["modelId"]!;
        if (_seed.Elements.ContainsKey(modelId))
        {
            return modelId;
        }

        await WriteTwinErrorAsync(context, modelId == "urn:adsk.dtm:" + TandemSeed.ForbiddenTwinId["urn:adsk.dtt:".Length..] ? 403 : 404).ConfigureAwait(false);
        return null;
    }

    /// <summary>The scan body's fields in the official OpenAPI (Toolkit GeneratedCode ScanPostRequestBody).</summary>
    private static readonly HashSet<string> ScanFields = new(StringComparer.Ordinal)
    {
        "families", "qualifiedColumns", "columns", "keys", "includeHistory", "skipArrays", "includeDeleted", "includeEmpty", "includeFragmentCount",
    };

    /// <summary>The history body's fields in the official OpenAPI (Toolkit GeneratedCode HistoryPostRequestBody).</summary>
    private static readonly HashSet<string> HistoryFields = new(StringComparer.Ordinal)
    {
        "min", "max", "timestamps", "includeChanges", "useFullKeys", "limit", "typeFilter",
    };

    private static bool IsOptionalBoolean(JsonNode body, string name) =>
        body[name] is not { } node || node.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    /// <summary>The full key of a short key: 4-byte big-endian kind (logical 0x01000000, physical 0) + the 20 bytes.</summary>
    private static string FullKey(string shortKey, bool logical)
    {
        var text = shortKey.Replace('-', '+').Replace('_', '/');
        var bytes = Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
        var full = new byte[24];
        full[0] = logical ? (byte)1 : (byte)0;
        bytes.CopyTo(full, 4);
        return Convert.ToBase64String(full).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static bool TryStrings(JsonNode? body, string name, out HashSet<string>? values)
    {
        values = null;
        var node = body?[name];
        if (node is null)
        {
            return true;
        }

        if (node is not JsonArray array || array.Any(n => n is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            return false;
        }

        values = new HashSet<string>(array.Select(n => (string)n!), StringComparer.Ordinal);
        return true;
    }

    private async Task ScanAsync(HttpContext context)
    {
        var modelId = await ResolveModelAsync(context, ReadScope).ConfigureAwait(false);
        if (modelId is null)
        {
            return;
        }

        var body = await ReadJsonBodyAsync(context).ConfigureAwait(false);
        if (body is not JsonObject scanBody
            || scanBody.Any(p => !ScanFields.Contains(p.Key))
            || !TryStrings(body, "families", out var families)
            || !TryStrings(body, "qualifiedColumns", out var columns)
            || !TryStrings(body, "keys", out var keys)
            || !IsOptionalBoolean(body, "includeHistory")
            || !IsOptionalBoolean(body, "skipArrays"))
        {
            await WriteApsErrorAsync(context, 400, "BAD_REQUEST", "The body must be a JSON object with optional string arrays families, qualifiedColumns, keys and booleans includeHistory, skipArrays (and no other fields).").ConfigureAwait(false);
            return;
        }

        var includeHistory = body["includeHistory"]?.GetValue<bool>() ?? false;

        // Without skipArrays the service wraps every value in a one-element array (tutorial-rest always sends it).
        var skipArrays = body["skipArrays"]?.GetValue<bool>() ?? false;
        var result = new JsonArray { new JsonObject { ["v"] = 1 } };
        lock (_dataGate)
        {
            foreach (var element in _seed.Elements[modelId])
            {
                if (keys is not null && !keys.Contains(element.Key))
                {
                    continue;
                }

                var row = new JsonObject { ["k"] = element.Key };
                foreach (var (column, versions) in element.Properties)
                {
                    var family = column[..column.IndexOf(':', StringComparison.Ordinal)];
                    var wanted = (families is null && columns is null)
                        || (families?.Contains(family) ?? false)
                        || (columns?.Contains(column) ?? false);
                    if (!wanted)
                    {
                        continue;
                    }

                    if (includeHistory)
                    {
                        // [value, timestamp, value, timestamp, …]: value first (tutorial-rest history/list-asset-history.js).
                        var history = new JsonArray();
                        foreach (var (timestamp, value) in versions)
                        {
                            history.Add(value?.DeepClone());
                            history.Add(timestamp);
                        }

                        row[column] = history;
                    }
                    else if (skipArrays)
                    {
                        row[column] = versions[0].Value?.DeepClone();
                    }
                    else
                    {
                        row[column] = new JsonArray(versions[0].Value?.DeepClone());
                    }
                }

                result.Add(row);
            }
        }

        await WriteJsonAsync(context, 200, result).ConfigureAwait(false);
    }

    private async Task GetSchemaAsync(HttpContext context)
    {
        if (await ResolveModelAsync(context, ReadScope).ConfigureAwait(false) is null)
        {
            return;
        }

        var attributes = new JsonArray();
        foreach (var attribute in _seed.Attributes)
        {
            var node = new JsonObject
            {
                ["id"] = attribute.Id,
                ["fam"] = attribute.Family,
                ["col"] = attribute.Column,
                ["name"] = attribute.Name,
                ["category"] = attribute.Category,
                ["dataType"] = attribute.DataType,
                ["flags"] = attribute.Family == "z" ? 20 : 0,
            };
            if (attribute.Column == "Dg")
            {
                node["forgeUnit"] = "celsius";
                node["forgeSymbol"] = "degreeC";
                node["forgeSpec"] = "piping.temperature";
                node["context"] = "e";
            }

            attributes.Add(node);
        }

        await WriteJsonAsync(context, 200, new JsonObject { ["attributes"] = attributes, ["version"] = "1" }).ConfigureAwait(false);
    }

    private async Task HistoryAsync(HttpContext context)
    {
        var modelId = await ResolveModelAsync(context, ReadScope).ConfigureAwait(false);
        if (modelId is null)
        {
            return;
        }

        var body = await ReadJsonBodyAsync(context).ConfigureAwait(false);
        long? min = null;
        long? max = null;
        int? limit = null;
        string? typeFilter = null;
        HashSet<long>? timestamps = null;
        var includeChanges = false;
        var useFullKeys = false;
        try
        {
            if (body is not JsonObject historyBody || historyBody.Any(p => !HistoryFields.Contains(p.Key))
                || !IsOptionalBoolean(body, "includeChanges") || !IsOptionalBoolean(body, "useFullKeys"))
            {
                throw new FormatException();
            }

            min = body["min"]?.GetValue<long>();
            max = body["max"]?.GetValue<long>();
            limit = body["limit"]?.GetValue<int>();
            typeFilter = body["typeFilter"]?.GetValue<string>();
            if (body["timestamps"] is JsonArray array)
            {
                timestamps = [.. array.Select(n => n!.GetValue<long>())];
            }

            includeChanges = body["includeChanges"]?.GetValue<bool>() ?? false;
            useFullKeys = body["useFullKeys"]?.GetValue<bool>() ?? false;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or NullReferenceException)
        {
            await WriteApsErrorAsync(context, 400, "BAD_REQUEST", "The body must be a JSON object with optional numbers min, max, limit (epoch milliseconds), array timestamps, string typeFilter and booleans includeChanges, useFullKeys (and no other fields).").ConfigureAwait(false);
            return;
        }

        var result = new JsonArray();
        lock (_dataGate)
        {
            var logical = _seed.Elements[modelId].Where(e => e.Properties.TryGetValue("n:a", out var flags) && ((uint)flags[0].Value!.GetValue<int>() & 0xff000000) != 0).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in _seed.History[modelId])
            {
                var t = entry["t"]!.GetValue<long>();
                if ((min is not null && t < min) || (max is not null && t > max) || (timestamps is not null && !timestamps.Contains(t))
                    || (typeFilter is not null && (string?)entry["o"] != typeFilter))
                {
                    continue;
                }

                if (limit is { } l && result.Count >= l)
                {
                    break;
                }

                var copy = entry.DeepClone().AsObject();
                if (!includeChanges)
                {
                    copy.Remove("k");
                }
                else if (useFullKeys && copy["k"] is JsonArray changed)
                {
                    copy["k"] = new JsonArray([.. changed.Select(k => (JsonNode?)FullKey((string)k!, logical.Contains((string)k!)))]);
                }

                result.Add(copy);
            }
        }

        await WriteJsonAsync(context, 200, result).ConfigureAwait(false);
    }
}
