using System.Text.Json;

namespace DigitalTwin.Sdk.Core.JsonRpc.Internal;

/// <summary>What the connection needs of a live stream to re-send and end it.</summary>
internal interface IStreamHandle : IPendingEntry
{
    Action<Utf8JsonWriter>? WriteParams { get; }

    JsonRpcStreamOptions Options { get; }

    void End(Exception? error);
}
