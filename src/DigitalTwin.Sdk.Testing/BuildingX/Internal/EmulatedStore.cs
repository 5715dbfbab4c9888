namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>
/// The emulator's in-memory data: resources by id and the collections they can be listed or addressed under. A
/// collection path starts with the API it belongs to (<c>accounts/me/usergroups</c>,
/// <c>operations/partitions/{id}/devices</c>), so one API never answers another's paths. Guarded by <see cref="Gate"/>.
/// </summary>
internal sealed class EmulatedStore
{
    private readonly Dictionary<string, EmulatedResource> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CollectionInfo> _info = new(StringComparer.Ordinal);

    public object Gate { get; } = new();

    /// <summary>Gets the partition each point belongs to.</summary>
    public Dictionary<string, string> PointPartitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the value kind of each point (<c>number</c>, <c>setpoint</c> or <c>boolean</c>).</summary>
    public Dictionary<string, string> PointKinds { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the ordinal of each point, used to derive its generated values.</summary>
    public Dictionary<string, int> PointOrdinals { get; } = new(StringComparer.Ordinal);

    public void DefineCollection(string path, CollectionKind kind, bool listable, params string[] acceptedTypes)
    {
        if (!_collections.ContainsKey(path))
        {
            _collections[path] = [];
        }

        _info[path] = new CollectionInfo(kind, listable, acceptedTypes);
    }

    public void Add(EmulatedResource resource, params string[] collections)
    {
        _byId[resource.Id] = resource;
        foreach (var collection in collections)
        {
            _collections[collection].Add(resource.Id);
        }
    }

    public void AddToCollection(string collection, string id) => _collections[collection].Add(id);

    public EmulatedResource? Find(string id) => _byId.GetValueOrDefault(id);

    public EmulatedResource? Find(EmulatedIdentifier identifier) =>
        _byId.TryGetValue(identifier.Id, out var found) && found.Type == identifier.Type ? found : null;

    public CollectionInfo? Collection(string path) => _info.GetValueOrDefault(path);

    public bool Contains(string collection, string id) =>
        _collections.TryGetValue(collection, out var ids) && ids.Contains(id);

    public List<EmulatedResource> List(string collection) =>
        _collections.TryGetValue(collection, out var ids) ? ids.Select(id => _byId[id]).ToList() : [];

    /// <summary>Removes a resource from the store and from every collection it is in.</summary>
    public void Remove(string id)
    {
        _byId.Remove(id);
        foreach (var ids in _collections.Values)
        {
            ids.Remove(id);
        }
    }

    /// <summary>What a collection path serves.</summary>
    internal sealed record CollectionInfo(CollectionKind Kind, bool Listable, string[] AcceptedTypes);
}
