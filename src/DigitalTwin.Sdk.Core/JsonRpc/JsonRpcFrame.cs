namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>What one frame of a streaming request carried: an item, the end of the stream, both, or neither.</summary>
/// <typeparam name="TItem">The item type.</typeparam>
public readonly struct JsonRpcFrame<TItem> : IEquatable<JsonRpcFrame<TItem>>
{
    private JsonRpcFrame(TItem? item, bool hasItem, bool isEnd)
    {
        Item = item;
        HasItem = hasItem;
        IsEnd = isEnd;
    }

    /// <summary>Gets a frame that carries nothing of interest (for example an acknowledgement).</summary>
    public static JsonRpcFrame<TItem> Skip => default;

    /// <summary>Gets a frame that ends the stream without an item.</summary>
    public static JsonRpcFrame<TItem> End => new(default, hasItem: false, isEnd: true);

    /// <summary>Gets the item, when <see cref="HasItem"/>.</summary>
    public TItem? Item { get; }

    /// <summary>Gets a value indicating whether the frame carried an item.</summary>
    public bool HasItem { get; }

    /// <summary>Gets a value indicating whether the frame ends the stream.</summary>
    public bool IsEnd { get; }

    /// <summary>Creates a frame that carries <paramref name="item"/>.</summary>
    /// <param name="item">The item.</param>
    /// <param name="isEnd">Whether the frame also ends the stream.</param>
    /// <returns>The frame.</returns>
    public static JsonRpcFrame<TItem> FromItem(TItem item, bool isEnd = false) => new(item, hasItem: true, isEnd);

    /// <inheritdoc />
    public bool Equals(JsonRpcFrame<TItem> other) =>
        HasItem == other.HasItem && IsEnd == other.IsEnd && EqualityComparer<TItem?>.Default.Equals(Item, other.Item);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is JsonRpcFrame<TItem> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Item, HasItem, IsEnd);

    /// <summary>Compares two frames.</summary>
    /// <param name="left">The first frame.</param>
    /// <param name="right">The second frame.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(JsonRpcFrame<TItem> left, JsonRpcFrame<TItem> right) => left.Equals(right);

    /// <summary>Compares two frames.</summary>
    /// <param name="left">The first frame.</param>
    /// <param name="right">The second frame.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(JsonRpcFrame<TItem> left, JsonRpcFrame<TItem> right) => !left.Equals(right);
}
