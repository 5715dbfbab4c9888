using System.Text.Json;

namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>Settings of one streaming request (a download in many frames, or a subscription).</summary>
public sealed class JsonRpcStreamOptions
{
    /// <summary>Gets or sets how many parsed items may wait for the consumer.</summary>
    /// <value>Defaults to 64.</value>
    public int Capacity { get; set; } = 64;

    /// <summary>Gets or sets what happens when <see cref="Capacity"/> items are waiting.</summary>
    /// <value>Defaults to <see cref="JsonRpcStreamFullMode.Wait"/>.</value>
    public JsonRpcStreamFullMode FullMode { get; set; } = JsonRpcStreamFullMode.Wait;

    /// <summary>
    /// Gets or sets a value indicating whether the request is sent again (with parameters written afresh, so they can
    /// resume from the last item seen) after the connection is re-established. When <see langword="false"/> the stream
    /// ends with <see cref="ConnectionLostException"/> when the connection drops.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool ResumeOnReconnect { get; set; } = true;

    /// <summary>
    /// Gets or sets the method called when the stream is disposed before it ended (for example <c>unsubscribeData</c>),
    /// or <see langword="null"/> for none.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? UnsubscribeMethod { get; set; }

    /// <summary>
    /// Gets or sets the writer of the unsubscribe parameters, given the id of the request that opened the stream
    /// on the current connection. When <see langword="null"/>, <c>{"id": requestId}</c> is sent.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public Action<Utf8JsonWriter, long>? WriteUnsubscribeParams { get; set; }
}
