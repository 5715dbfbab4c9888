namespace DigitalTwin.Sdk.Testing.ITwinIoT;

/// <summary>
/// JSON-RPC error codes the <see cref="ITwinIoTEmulator"/> answers with. The standard codes follow the JSON-RPC 2.0
/// specification; the vendor document does not list its own codes, so the server-defined range (-32000 to -32099)
/// is used for authentication and entity errors.
/// </summary>
public static class ITwinIoTEmulatorErrors
{
    /// <summary>Invalid JSON was received.</summary>
    public const int ParseError = -32700;

    /// <summary>The message is not a valid request object, or its id does not continue from <c>nextId</c>.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>The method does not exist.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>Invalid or missing parameters.</summary>
    public const int InvalidParams = -32602;

    /// <summary>A request other than <c>authenticate</c> arrived on an unauthenticated connection.</summary>
    public const int NotAuthenticated = -32001;

    /// <summary><c>authenticate</c> was given an unknown API key or token.</summary>
    public const int AuthenticationFailed = -32002;

    /// <summary>The entity, metric, unit or subscription does not exist (or is not in the requested project).</summary>
    public const int NotFound = -32004;

    /// <summary>The entity to create already exists.</summary>
    public const int AlreadyExists = -32009;
}
