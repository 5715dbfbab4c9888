namespace DigitalTwin.Sdk.Testing.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Answers with a fixed status code, headers and body instead of the real handler.</summary>
    Respond,

    /// <summary>Waits, then lets the real handler answer.</summary>
    Delay,

    /// <summary>Aborts the TCP connection without an answer (a connection reset).</summary>
    DropConnection,

    /// <summary>Runs the real handler, then sends only the first half of its body and aborts.</summary>
    TruncateBody,

    /// <summary>Closes a WebSocket after the given number of server frames (WebSocket emulators only).</summary>
    CloseWebSocketAfterFrames,

    /// <summary>Answers a JSON-RPC request with an error object instead of handling it (socket emulators only).</summary>
    JsonRpcError,
}
