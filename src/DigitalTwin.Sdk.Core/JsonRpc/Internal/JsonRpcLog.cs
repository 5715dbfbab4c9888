using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Core.JsonRpc.Internal;

/// <summary>Log messages of the JSON-RPC engine; never parameters, results or credentials.</summary>
internal static partial class JsonRpcLog
{
    [LoggerMessage(1, LogLevel.Information, "JSON-RPC connection state {Previous} -> {Current}.")]
    public static partial void StateChanged(ILogger logger, JsonRpcConnectionState previous, JsonRpcConnectionState current, Exception? reason);

    [LoggerMessage(2, LogLevel.Warning, "JSON-RPC connect attempt {Attempt} failed.")]
    public static partial void ConnectFailed(ILogger logger, int attempt, Exception error);

    [LoggerMessage(3, LogLevel.Debug, "Ignored a JSON-RPC message that is not a valid JSON object ({Length} bytes).")]
    public static partial void MalformedMessage(ILogger logger, int length);

    [LoggerMessage(4, LogLevel.Warning, "JSON-RPC error without a request id: {Code} {Message}.")]
    public static partial void UnroutedError(ILogger logger, int code, string? message);

    [LoggerMessage(5, LogLevel.Debug, "Ignored a JSON-RPC response for unknown or finished request {Id}.")]
    public static partial void UnknownId(ILogger logger, long id);

    [LoggerMessage(6, LogLevel.Warning, "JSON-RPC keepalive '{Method}' was not answered in time; reopening the connection.")]
    public static partial void KeepAliveTimedOut(ILogger logger, string method);

    [LoggerMessage(7, LogLevel.Debug, "Unsubscribing stream '{Method}' (request {Id}) failed.")]
    public static partial void UnsubscribeFailed(ILogger logger, string method, long id, Exception error);

    [LoggerMessage(8, LogLevel.Error, "A JSON-RPC state-change handler threw.")]
    public static partial void HandlerFailed(ILogger logger, Exception error);
}
