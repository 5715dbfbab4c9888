using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.BuildingX.Internal;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.BuildingX;

/// <content>POST/PATCH/DELETE with the JSON:API semantics: 201, 202, 204, 409.</content>
public sealed partial class BuildingXEmulator
{
    private async Task HandleWriteAsync(HttpContext context, string relative)
    {
        var request = context.Request;
        JsonObject? body = null;
        if (!HttpMethods.IsDelete(request.Method))
        {
            CheckContentType(request);
            body = await ReadDocumentAsync(request, context.RequestAborted).ConfigureAwait(false);
        }

        WriteResult result;
        lock (_store.Gate)
        {
            result = ApplyWrite(request, relative, body);
        }

        if (result.Location is not null)
        {
            context.Response.Headers.Location = result.Location;
        }

        await WriteDocumentAsync(context, result.Status, result.Document).ConfigureAwait(false);
    }

    private WriteResult ApplyWrite(HttpRequest request, string relative, JsonObject? body)
    {
        var segments = relative.Split('/');
        var method = request.Method;
        var query = new EmulatedQuery();
        if (IsValuesPath(segments))
        {
            return HttpMethods.IsPost(method) ? Command(segments[2], segments[4], body!) : throw MethodNotAllowed(method);
        }

        var collection = _store.Collection(relative);
        if (collection is not null)
        {
            var writable = collection.Kind is CollectionKind.Locations or CollectionKind.Devices or CollectionKind.Points;
            if (!HttpMethods.IsPost(method) || !writable || !collection.Listable)
            {
                throw MethodNotAllowed(method);
            }

            return Create(relative, segments, collection, body!, query);
        }

        var resource = FindItem(segments, out _);
        if (resource is null || resource.Type is "Partition" or "Customer" or "UserGroup")
        {
            throw resource is null ? NotFound("Resource not found", $"'{relative}' does not exist.") : MethodNotAllowed(method);
        }

        if (HttpMethods.IsDelete(method))
        {
            _store.Remove(resource.Id);
            return new WriteResult(204, null, null);
        }

        if (!HttpMethods.IsPatch(method))
        {
            throw MethodNotAllowed(method);
        }

        var data = RequireData(body!);
        var type = data["type"]?.GetValue<string>();
        var id = data["id"]?.GetValue<string>();
        if (type != resource.Type || id != resource.Id)
        {
            throw new EmulatorErrorException(new EmulatorError(409, "10-0409", "Conflict", "The type and id in the document must match the resource being updated.", Pointer: "/data"));
        }

        if (data["attributes"] is JsonObject attributes)
        {
            foreach (var (name, value) in attributes)
            {
                if (resource.Type == "Point" && name == "pointValue" && value is JsonObject commanded)
                {
                    // Commanding a point (CloudlineSolutions point.go): the present value, read with field[Point]=pointValue.
                    if (resource.Attributes["isActive"]?.GetValue<bool>() == false)
                    {
                        throw new EmulatorErrorException(new EmulatorError(409, "10-0409", "Conflict", "The point is not active and cannot be commanded.", Pointer: "/data/attributes/pointValue"));
                    }

                    var present = (JsonObject)commanded.DeepClone();
                    present["timestamp"] = _options.TimeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                    resource.HiddenAttributes["pointValue"] = present;
                    continue;
                }

                resource.Attributes[name] = value?.DeepClone();
            }
        }

        ApplyRelationships(resource, data);
        return new WriteResult(200, new JsonObject { ["data"] = Serialize(resource, query) }, null);
    }

    private WriteResult Create(string relative, string[] segments, EmulatedStore.CollectionInfo collection, JsonObject body, EmulatedQuery query)
    {
        var data = RequireData(body);
        var type = data["type"]?.GetValue<string>();
        if (type is null || !collection.AcceptedTypes.Contains(type))
        {
            throw new EmulatorErrorException(new EmulatorError(409, "10-0409", "Conflict", $"This collection holds resources of type {string.Join(", ", collection.AcceptedTypes)}.", Pointer: "/data/type"));
        }

        var clientId = data["id"]?.GetValue<string>();
        if (clientId is not null && _store.Find(clientId) is not null)
        {
            throw new EmulatorErrorException(new EmulatorError(409, "10-0409", "Conflict", $"A resource with id '{clientId}' already exists.", Pointer: "/data/id"));
        }

        var attributes = data["attributes"] as JsonObject ?? [];
        string[] mandatory = type switch
        {
            "Device" => ["name", "serialNumber"],
            "Point" => ["name"],
            _ => ["label"],
        };
        var missing = mandatory
            .Where(name => attributes[name] is null)
            .Select(name => new EmulatorError(400, "34-0001", $"Missing mandatory property '{name}'", Pointer: "/data/attributes/" + name))
            .ToArray();
        if (missing.Length > 0)
        {
            throw new EmulatorErrorException(missing);
        }

        var resource = new EmulatedResource(type, clientId ?? Guid.NewGuid().ToString("D"))
        {
            Attributes = (JsonObject)attributes.DeepClone(),
        };
        ApplyRelationships(resource, data);
        switch (collection.Kind)
        {
            case CollectionKind.Devices:
                _store.Add(resource, relative);
                BuildingXSeeder.DefineDeviceCollections(_store, segments[2], resource.Id);
                break;
            case CollectionKind.Points:
                _store.Add(resource, relative, $"operations/partitions/{segments[2]}/points");
                _store.PointPartitions[resource.Id] = segments[2];
                _store.PointKinds[resource.Id] = "number";
                _store.PointOrdinals[resource.Id] = _store.PointOrdinals.Count;
                break;
            default:
                _store.Add(resource, relative);
                break;
        }

        // JSON:API: with a client-generated id the server may answer 204 without a document.
        return clientId is not null
            ? new WriteResult(204, null, null)
            : new WriteResult(201, new JsonObject { ["data"] = Serialize(resource, query) }, new Uri(BaseUri, ApiRootPath.TrimStart('/') + relative + "/" + resource.Id).ToString());
    }

    /// <summary>Writing a point value is a command the edge carries out later: 202 Accepted.</summary>
    private WriteResult Command(string partitionId, string pointId, JsonObject body)
    {
        var point = _store.Contains($"operations/partitions/{partitionId}/points", pointId) ? _store.Find(pointId) : null;
        if (point is null)
        {
            throw NotFound("Point not found", $"Point '{pointId}' does not exist.");
        }

        var data = RequireData(body);
        if (data["attributes"]?["value"] is null)
        {
            throw new EmulatorErrorException(new EmulatorError(400, "34-0001", "Missing mandatory property 'value'", Pointer: "/data/attributes/value"));
        }

        if (point.Attributes["isActive"]?.GetValue<bool>() == false)
        {
            throw new EmulatorErrorException(new EmulatorError(409, "10-0409", "Conflict", "The point is not active and cannot be commanded.", Pointer: "/data"));
        }

        return new WriteResult(202, new JsonObject { ["meta"] = new JsonObject { ["status"] = "pending", ["pointId"] = pointId } }, null);
    }

    private static void ApplyRelationships(EmulatedResource resource, JsonObject data)
    {
        if (data["relationships"] is not JsonObject relationships)
        {
            return;
        }

        foreach (var (name, value) in relationships)
        {
            switch (value?["data"])
            {
                case JsonArray many:
                    resource.Relationships[name] = EmulatedRelationship.Many(many.OfType<JsonObject>().Select(ToIdentifier));
                    break;
                case JsonObject one:
                    resource.Relationships[name] = new EmulatedRelationship(false, [ToIdentifier(one)]);
                    break;
                default:
                    resource.Relationships[name] = new EmulatedRelationship(false, []);
                    break;
            }
        }
    }

    private static EmulatedIdentifier ToIdentifier(JsonObject node) =>
        new(node["type"]?.GetValue<string>() ?? string.Empty, node["id"]?.GetValue<string>() ?? string.Empty);

    private static JsonObject RequireData(JsonObject body) =>
        body["data"] as JsonObject
        ?? throw new EmulatorErrorException(new EmulatorError(400, "10-0400", "Missing primary data", "The document must have a 'data' object.", Pointer: "/data"));

    private static void CheckContentType(HttpRequest request)
    {
        var contentType = request.ContentType ?? string.Empty;
        var parts = contentType.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !parts[0].Equals(JsonApiMediaType, StringComparison.OrdinalIgnoreCase) || HasForbiddenParameters(contentType))
        {
            throw new EmulatorErrorException(new EmulatorError(415, "10-0415", "Unsupported media type", $"Send {JsonApiMediaType} without parameters."));
        }
    }

    private static async Task<JsonObject> ReadDocumentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false) as JsonObject
                ?? throw new EmulatorErrorException(new EmulatorError(400, "10-0400", "Malformed document", "The body must be a JSON object."));
        }
        catch (JsonException exception)
        {
            throw new EmulatorErrorException(new EmulatorError(400, "10-0400", "Malformed document", exception.Message));
        }
    }

    private sealed record WriteResult(int Status, JsonObject? Document, string? Location);
}
