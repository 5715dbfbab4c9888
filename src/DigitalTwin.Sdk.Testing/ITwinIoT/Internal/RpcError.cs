namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <summary>Raised by a method handler to answer with a JSON-RPC error object.</summary>
internal sealed class RpcError(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
