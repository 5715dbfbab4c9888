using System.Globalization;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.BuildingX.Internal;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.BuildingX;

/// <content>GET handling: lists, single resources, point values, filters, paging, includes and sparse fields.</content>
public sealed partial class BuildingXEmulator
{
    private static readonly TimeSpan ValueInterval = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxValueRange = TimeSpan.FromDays(31);

    private async Task HandleGetAsync(HttpContext context, string relative)
    {
        var query = EmulatedQuery.Parse(context.Request.Query, _options.MaxPageLimit, relative.StartsWith("accounts", StringComparison.Ordinal) ? "page[size]" : "page[limit]");
        JsonObject document;
        lock (_store.Gate)
        {
            document = BuildGetDocument(context.Request, relative, query);
        }

        await WriteDocumentAsync(context, 200, document).ConfigureAwait(false);
    }

    private JsonObject BuildGetDocument(HttpRequest request, string relative, EmulatedQuery query)
    {
        var segments = relative.Split('/');
        if (IsValuesPath(segments))
        {
            return ValuesDocument(request, relative, segments[2], segments[4], query);
        }

        var collection = _store.Collection(relative);
        if (collection is not null)
        {
            if (!collection.Listable)
            {
                throw NotFound("Resource not found", $"'{relative}' cannot be listed.");
            }

            query.RequireFilters(FiltersOf(collection.Kind));
            query.RequireIncludes(IncludesOf(collection.Kind));
            var items = _store.List(relative).Where(r => query.Filters.All(f => Matches(r, f.Key, f.Value))).ToList();
            return ListDocument(request, relative, items, query);
        }

        var resource = FindItem(segments, out var parent);
        if (resource is not null)
        {
            query.RequireIncludes(IncludesOf(parent!.Kind));
            return SingleDocument(request, relative, resource, query);
        }

        throw NotFound("Resource not found", $"'{relative}' does not exist.");
    }

    /// <summary>Finds <c>{collection}/{id}</c>: a resource addressed inside a collection it belongs to.</summary>
    private EmulatedResource? FindItem(string[] segments, out EmulatedStore.CollectionInfo? parent)
    {
        parent = null;
        if (segments.Length < 2)
        {
            return null;
        }

        var prefix = string.Join('/', segments[..^1]);
        parent = _store.Collection(prefix);
        return parent is not null && _store.Contains(prefix, segments[^1]) ? _store.Find(segments[^1]) : null;
    }

    /// <summary><c>operations/partitions/{partitionId}/points/{pointId}/values</c>.</summary>
    private static bool IsValuesPath(string[] segments) =>
        segments.Length == 6 && segments[0] == "operations" && segments[1] == "partitions" && segments[3] == "points" && segments[5] == "values";

    private JsonObject ValuesDocument(HttpRequest request, string relative, string partitionId, string pointId, EmulatedQuery query)
    {
        if (!_store.Contains($"operations/partitions/{partitionId}/points", pointId))
        {
            throw NotFound("Point not found", $"Point '{pointId}' does not exist in partition '{partitionId}'.");
        }

        query.RequireFilters(["[timestamp][from]", "[timestamp][to]"]);
        query.RequireIncludes([]);
        if (!query.Filters.TryGetValue("[timestamp][from]", out var fromText))
        {
            // The API reference marks filter[timestamp][from] as required.
            throw EmulatorErrorException.BadParameter("filter[timestamp][from]", "Missing mandatory parameter 'filter[timestamp][from]'", "Point values need filter[timestamp][from] (RFC 3339).");
        }

        var now = _options.TimeProvider.GetUtcNow();
        var to = query.Filters.TryGetValue("[timestamp][to]", out var toText) ? ParseTimestamp("filter[timestamp][to]", toText) : now;
        var from = ParseTimestamp("filter[timestamp][from]", fromText);
        if (from > to)
        {
            throw EmulatorErrorException.BadParameter("filter[timestamp][from]", "Invalid time range", "filter[timestamp][from] must not be after filter[timestamp][to].");
        }

        if (to - from > MaxValueRange)
        {
            throw EmulatorErrorException.BadParameter("filter[timestamp][to]", "Time range too large", "At most 31 days of values can be requested at once.");
        }

        var kind = _store.PointKinds[pointId];
        var ordinal = _store.PointOrdinals[pointId];
        var firstSlot = (from.ToUnixTimeSeconds() + (long)ValueInterval.TotalSeconds - 1) / (long)ValueInterval.TotalSeconds;
        var values = new List<EmulatedResource>();
        for (var slot = firstSlot; slot * (long)ValueInterval.TotalSeconds <= to.ToUnixTimeSeconds(); slot++)
        {
            var unix = slot * (long)ValueInterval.TotalSeconds;
            var hash = Mix(_options.Seed, ordinal, slot);
            JsonNode value = kind switch
            {
                "number" => JsonValue.Create(Math.Round(18.0 + ((hash % 60) / 10.0), 1)),
                "setpoint" => JsonValue.Create(hash % 4 == 0 ? 22.0 : 21.5),
                _ => JsonValue.Create(hash % 2 == 0),
            };
            values.Add(new EmulatedResource("PointValue", pointId + ":" + unix.ToString(CultureInfo.InvariantCulture))
            {
                Attributes = new JsonObject
                {
                    ["timestamp"] = DateTimeOffset.FromUnixTimeSeconds(unix).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["value"] = value,
                },
            });
        }

        return ListDocument(request, relative, values, query);
    }

    private JsonObject ListDocument(HttpRequest request, string relative, List<EmulatedResource> items, EmulatedQuery query)
    {
        var limit = query.Limit ?? _options.DefaultPageLimit;
        var page = items.Skip(query.Offset).Take(limit).ToList();
        var data = new JsonArray();
        foreach (var resource in page)
        {
            data.Add(Serialize(resource, query));
        }

        var links = new JsonObject { ["self"] = Link(relative, request.QueryString.Value ?? string.Empty) };
        if (query.Offset + limit < items.Count)
        {
            links["next"] = Link(relative, NextQuery(request.Query, query.Offset + limit));
        }

        var document = new JsonObject { ["data"] = data };
        AddIncluded(document, page, query);
        document["links"] = links;
        return document;
    }

    private JsonObject SingleDocument(HttpRequest request, string relative, EmulatedResource resource, EmulatedQuery query)
    {
        var document = new JsonObject { ["data"] = Serialize(resource, query) };
        AddIncluded(document, [resource], query);
        document["links"] = new JsonObject { ["self"] = Link(relative, request.QueryString.Value ?? string.Empty) };
        return document;
    }

    private void AddIncluded(JsonObject document, List<EmulatedResource> primary, EmulatedQuery query)
    {
        if (query.Includes.Count == 0)
        {
            return;
        }

        var seen = new HashSet<EmulatedIdentifier>(primary.Select(p => p.Identifier));
        var included = new JsonArray();
        foreach (var path in query.Includes)
        {
            foreach (var resource in ResolveIncludePath(primary, path.Split('.')))
            {
                if (seen.Add(resource.Identifier))
                {
                    included.Add(Serialize(resource, query));
                }
            }
        }

        document["included"] = included;
    }

    /// <summary>
    /// Follows an include path. A segment names a relationship of the resources reached so far; a later segment that
    /// is no relationship but a resource type (Building X's <c>hasFeatures.DeviceInfo</c>) keeps only that type.
    /// </summary>
    private List<EmulatedResource> ResolveIncludePath(List<EmulatedResource> primary, string[] segments)
    {
        var steps = new List<List<EmulatedResource>>();
        var current = primary;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (i > 0 && !current.Any(r => r.Relationships.ContainsKey(segment)))
            {
                // Accounts' ownedByCustomer.name names an attribute of the included resource: keep what was reached.
                if (!current.Any(r => r.Type == segment) && char.IsLower(segment[0]))
                {
                    continue;
                }

                current = current.Where(r => r.Type == segment).ToList();
                steps[^1] = current;
                continue;
            }

            current = current
                .SelectMany(r => r.Relationships.TryGetValue(segment, out var relationship) ? relationship.Targets : [])
                .Distinct()
                .Select(_store.Find)
                .OfType<EmulatedResource>()
                .ToList();
            steps.Add(current);
        }

        return steps.SelectMany(s => s).ToList();
    }

    private static JsonObject Serialize(EmulatedResource resource, EmulatedQuery query)
    {
        var only = query.Fields.GetValueOrDefault(resource.Type);
        var attributes = new JsonObject();
        foreach (var (name, value) in resource.Attributes)
        {
            if (only is null || only.Contains(name))
            {
                attributes[name] = value?.DeepClone();
            }
        }

        var extra = query.ExtraFields.GetValueOrDefault(resource.Type);
        foreach (var (name, value) in resource.HiddenAttributes)
        {
            if (extra is not null && extra.Contains(name) && (only is null || only.Contains(name)))
            {
                attributes[name] = value?.DeepClone();
            }
        }

        var result = new JsonObject { ["type"] = resource.Type, ["id"] = resource.Id, ["attributes"] = attributes };
        var relationships = new JsonObject();
        foreach (var (name, relationship) in resource.Relationships)
        {
            if (only is not null && !only.Contains(name))
            {
                continue;
            }

            JsonNode? data = relationship.ToMany
                ? new JsonArray([.. relationship.Targets.Select(Identifier)])
                : relationship.Targets.Count == 0 ? null : Identifier(relationship.Targets[0]);
            relationships[name] = new JsonObject { ["data"] = data };
        }

        if (relationships.Count > 0)
        {
            result["relationships"] = relationships;
        }

        return result;
    }

    private static JsonObject Identifier(EmulatedIdentifier identifier) =>
        new() { ["type"] = identifier.Type, ["id"] = identifier.Id };

    private static bool Matches(EmulatedResource resource, string key, string value)
    {
        var wanted = value.Split(',');
        var name = key[1..^1];
        if (name == "type")
        {
            return wanted.Contains(resource.Type, StringComparer.Ordinal);
        }

        if (name.EndsWith(".data.id", StringComparison.Ordinal))
        {
            return resource.Relationships.TryGetValue(name[..^".data.id".Length], out var relationship)
                && relationship.Targets.Any(t => wanted.Contains(t.Id, StringComparer.Ordinal));
        }

        var text = resource.Attributes[name] switch
        {
            null => string.Empty,
            JsonValue scalar when scalar.TryGetValue<string>(out var s) => s,
            var other => other.ToJsonString(),
        };
        return wanted.Contains(text, StringComparer.Ordinal);
    }

    private static string[] FiltersOf(CollectionKind kind) => kind switch
    {
        CollectionKind.UserGroups => [],
        CollectionKind.Customers or CollectionKind.Partitions => ["[name]"],
        CollectionKind.Locations => ["[type]", "[label]", "[isPartOf.data.id]"],
        CollectionKind.Devices or CollectionKind.ChildDevices => ["[serialNumber]", "[name]", "[hasLocation.data.id]"],
        _ => ["[name]", "[isActive]"],
    };

    private static string[] IncludesOf(CollectionKind kind) => kind switch
    {
        CollectionKind.Partitions => ["ownedByCustomer", "ownedByCustomer.name"],
        CollectionKind.Locations => ["isPartOf"],
        CollectionKind.Devices or CollectionKind.ChildDevices => ["hasLocation", "hasFeatures", "hasFeatures.DeviceInfo"],
        CollectionKind.Points => ["isPointOf"],
        _ => [],
    };

    private static DateTimeOffset ParseTimestamp(string parameter, string text)
    {
        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw EmulatorErrorException.BadParameter(parameter, "Invalid timestamp", "Timestamps are RFC 3339, e.g. 2026-01-01T00:00:00Z.");
    }

    private static long Mix(int seed, int ordinal, long slot)
    {
        unchecked
        {
            var hash = 1469598103934665603UL;
            hash = (hash ^ (uint)seed) * 1099511628211UL;
            hash = (hash ^ (uint)ordinal) * 1099511628211UL;
            hash = (hash ^ (ulong)slot) * 1099511628211UL;
            return (long)((hash ^ (hash >> 29)) & 0x7FFFFFFF);
        }
    }
}
