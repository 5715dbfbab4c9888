namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>What a stream does when its bounded buffer is full because the consumer is slower than the server.</summary>
public enum JsonRpcStreamFullMode
{
    /// <summary>
    /// Back-pressure: the connection stops reading the socket until the consumer makes room. Nothing is lost, but every
    /// other request on the same connection waits too (keepalive checks are suspended meanwhile). Right for finite
    /// downloads such as <c>getData</c> that the caller is actively enumerating.
    /// </summary>
    Wait,

    /// <summary>The oldest buffered item is discarded to make room; <see cref="JsonRpcStream{TItem}.DroppedItems"/> counts them.</summary>
    DropOldest,

    /// <summary>The stream ends with <see cref="JsonRpcStreamOverflowException"/> (and is unsubscribed); nothing is dropped silently.</summary>
    Fail,
}
