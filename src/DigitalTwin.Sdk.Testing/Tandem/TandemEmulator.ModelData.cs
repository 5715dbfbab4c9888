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
        if (body is not JsonObject
            || !TryStrings(body, "families", out var families)
            || !TryStrings(body, "qualifiedColumns", out var columns)
            || !TryStrings(body, "keys", out var keys)
            || (body["includeHistory"] is { } h && h.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)))
        {
            await WriteApsErrorAsync(context, 400, "BAD_REQUEST", "The body must be a JSON object with optional string arrays families, qualifiedColumns, keys and boolean includeHistory.").ConfigureAwait(false);
            return;
        }

        var includeHistory = body["includeHistory"]?.GetValue<bool>() ?? false;
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
                        var history = new JsonArray();
                        foreach (var (timestamp, value) in versions)
                        {
                            history.Add(timestamp);
                            history.Add(value?.DeepClone());
                        }

                        row[column] = history;
                    }
                    else
                    {
                        row[column] = versions[0].Value?.DeepClone();
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

        await WriteJsonAsync(context, 200, new JsonObject { ["attributes"] = attributes, ["hash"] = "emu-schema-1" }).ConfigureAwait(false);
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
        HashSet<long>? timestamps = null;
        try
        {
            if (body is not JsonObject)
            {
                throw new FormatException();
            }

            min = body["min"]?.GetValue<long>();
            max = body["max"]?.GetValue<long>();
            if (body["timestamps"] is JsonArray array)
            {
                timestamps = [.. array.Select(n => n!.GetValue<long>())];
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or NullReferenceException)
        {
            await WriteApsErrorAsync(context, 400, "BAD_REQUEST", "The body must be a JSON object with optional numbers min, max and array timestamps (epoch milliseconds).").ConfigureAwait(false);
            return;
        }

        var includeChanges = body["includeChanges"]?.GetValue<bool>() ?? false;
        var result = new JsonArray();
        lock (_dataGate)
        {
            foreach (var entry in _seed.History[modelId])
            {
                var t = entry["t"]!.GetValue<long>();
                if ((min is not null && t < min) || (max is not null && t > max) || (timestamps is not null && !timestamps.Contains(t)))
                {
                    continue;
                }

                var copy = entry.DeepClone().AsObject();
                if (!includeChanges)
                {
                    copy.Remove("k");
                }

                result.Add(copy);
            }
        }

        await WriteJsonAsync(context, 200, result).ConfigureAwait(false);
    }
}
