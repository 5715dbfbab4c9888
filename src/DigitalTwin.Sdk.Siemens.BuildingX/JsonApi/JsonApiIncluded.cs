using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>
/// The <c>included</c> resources of one JSON:API document, indexed by type and id, so relationships of the primary
/// data resolve without another request.
/// </summary>
/// <remarks>
/// Include paths follow relationships segment by segment (<c>isPartOf.isPartOf</c>). Building X also uses a last
/// segment that names a resource type rather than a relationship (<c>hasFeatures.DeviceInfo</c>: the features of
/// type <c>DeviceInfo</c>); such a segment filters the resources reached so far by type. Immutable and thread-safe.
/// </remarks>
public sealed class JsonApiIncluded
{
    private readonly Dictionary<JsonApiResourceIdentifier, JsonApiResource<JsonElement>> _index = [];

    /// <summary>Indexes <paramref name="resources"/>; a later duplicate of a type and id is ignored.</summary>
    /// <param name="resources">The document's <c>included</c> array.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resources"/> is <see langword="null"/>.</exception>
    public JsonApiIncluded(IEnumerable<JsonApiResource<JsonElement>> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var list = new List<JsonApiResource<JsonElement>>();
        foreach (var resource in resources)
        {
            if (_index.TryAdd(Key(resource.Identifier), resource))
            {
                list.Add(resource);
            }
        }

        Resources = list;
    }

    /// <summary>Gets the included resources in document order.</summary>
    public IReadOnlyList<JsonApiResource<JsonElement>> Resources { get; }

    /// <summary>Returns <paramref name="data"/> with <see cref="JsonApiResource.Included"/> set on every item.</summary>
    /// <typeparam name="TResource">The resource type.</typeparam>
    /// <param name="data">Primary data of a document.</param>
    /// <param name="included">The document's <c>included</c> array; <see langword="null"/> leaves the data as is.</param>
    /// <returns>The resources, each able to resolve its relationships.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<TResource> Attach<TResource>(IReadOnlyList<TResource> data, IReadOnlyList<JsonApiResource<JsonElement>>? included)
        where TResource : JsonApiResource
    {
        ArgumentNullException.ThrowIfNull(data);
        if (included is null || included.Count == 0)
        {
            return data;
        }

        var index = new JsonApiIncluded(included);
        var result = new TResource[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            result[i] = index.AttachTo(data[i]);
        }

        return result;
    }

    /// <summary>Returns <paramref name="resource"/> with <see cref="JsonApiResource.Included"/> set.</summary>
    /// <typeparam name="TResource">The resource type.</typeparam>
    /// <param name="resource">Primary data of a document.</param>
    /// <param name="included">The document's <c>included</c> array; <see langword="null"/> leaves the resource as is.</param>
    /// <returns>The resource, able to resolve its relationships.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is <see langword="null"/>.</exception>
    public static TResource Attach<TResource>(TResource resource, IReadOnlyList<JsonApiResource<JsonElement>>? included)
        where TResource : JsonApiResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        return included is null || included.Count == 0 ? resource : new JsonApiIncluded(included).AttachTo(resource);
    }

    /// <summary>Finds an included resource by type and id.</summary>
    /// <param name="identifier">Type and id.</param>
    /// <param name="resource">The resource when found.</param>
    /// <returns><see langword="true"/> when the resource is included.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identifier"/> is <see langword="null"/>.</exception>
    public bool TryFind(JsonApiResourceIdentifier identifier, [NotNullWhen(true)] out JsonApiResource<JsonElement>? resource)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return _index.TryGetValue(Key(identifier), out resource);
    }

    /// <summary>Follows an include path from <paramref name="resource"/> through the included resources.</summary>
    /// <param name="resource">The starting resource (usually primary data).</param>
    /// <param name="path">An include path, e.g. <c>hasLocation</c> or <c>hasFeatures.DeviceInfo</c>.</param>
    /// <returns>The resources reached at the end of the path, in linkage order, without duplicates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public IReadOnlyList<JsonApiResource<JsonElement>> Resolve(JsonApiResource resource, string path)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var segments = path.Split('.');
        IReadOnlyList<JsonApiResource> current = [resource];
        var reached = new List<JsonApiResource<JsonElement>>();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (i > 0 && !HasRelationship(current, segment))
            {
                reached = reached.FindAll(r => r.Type == segment);
                current = reached;
                continue;
            }

            var seen = new HashSet<JsonApiResourceIdentifier>();
            reached = [];
            foreach (var from in current)
            {
                if (from.Relationships is null || !from.Relationships.TryGetValue(segment, out var relationship) || relationship.Data is null)
                {
                    continue;
                }

                foreach (var identifier in relationship.Data.Identifiers)
                {
                    if (seen.Add(Key(identifier)) && _index.TryGetValue(Key(identifier), out var found))
                    {
                        reached.Add(found);
                    }
                }
            }

            current = reached;
        }

        return reached;
    }

    /// <summary>Converts an untyped included resource into a typed one that can resolve further relationships.</summary>
    internal TResource Convert<TResource>(JsonApiResource<JsonElement> resource, JsonTypeInfo<TResource> typeInfo)
        where TResource : JsonApiResource
    {
        var element = JsonSerializer.SerializeToElement(resource, BuildingXJsonContext.Default.JsonApiResourceJsonElement);
        var typed = element.Deserialize(typeInfo)
            ?? throw new JsonException($"Included resource {resource.Type} {resource.Id} could not be read.");
        return AttachTo(typed);
    }

    private TResource AttachTo<TResource>(TResource resource)
        where TResource : JsonApiResource =>
        (TResource)(resource with { Included = this });

    private static bool HasRelationship(IReadOnlyList<JsonApiResource> resources, string name)
    {
        foreach (var resource in resources)
        {
            if (resource.Relationships?.ContainsKey(name) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static JsonApiResourceIdentifier Key(JsonApiResourceIdentifier identifier) =>
        identifier.Meta is null ? identifier : new JsonApiResourceIdentifier(identifier.Type, identifier.Id);
}
