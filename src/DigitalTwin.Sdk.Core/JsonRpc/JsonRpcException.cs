using System.Globalization;
using System.Text.Json;

namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>
/// A JSON-RPC 2.0 <c>error</c> object returned by the server for a request.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> holds the server's <c>message</c> prefixed with the code and method.
/// The server's raw message is <see cref="ErrorMessage"/>; the optional <c>data</c> member is <see cref="ErrorData"/>
/// (named so because <see cref="Exception.Data"/> already exists on every exception).
/// </remarks>
public class JsonRpcException : DigitalTwinException
{
    /// <summary>Initializes a new instance of the <see cref="JsonRpcException"/> class.</summary>
    public JsonRpcException()
        : this(0, "JSON-RPC error.", null, null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonRpcException"/> class.</summary>
    /// <param name="message">The message.</param>
    public JsonRpcException(string message)
        : this(0, message, null, null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonRpcException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JsonRpcException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorMessage = message;
    }

    /// <summary>Initializes a new instance of the <see cref="JsonRpcException"/> class from a JSON-RPC error object.</summary>
    /// <param name="code">The JSON-RPC error <c>code</c>.</param>
    /// <param name="errorMessage">The JSON-RPC error <c>message</c>.</param>
    /// <param name="errorData">The JSON-RPC error <c>data</c>, if any.</param>
    /// <param name="method">The method of the failed request, if known.</param>
    /// <param name="requestId">The id of the failed request, if known.</param>
    public JsonRpcException(int code, string errorMessage, JsonElement? errorData, string? method, long? requestId)
        : base(FormatMessage(code, errorMessage, method))
    {
        Code = code;
        ErrorMessage = errorMessage;
        ErrorData = errorData;
        Method = method;
        RequestId = requestId;
    }

    /// <summary>Gets the JSON-RPC error code (for example <c>-32601</c> for an unknown method).</summary>
    public int Code { get; }

    /// <summary>Gets the JSON-RPC error <c>message</c> exactly as the server sent it.</summary>
    public string ErrorMessage { get; } = string.Empty;

    /// <summary>Gets the JSON-RPC error <c>data</c> member, or <see langword="null"/> when the server sent none.</summary>
    public JsonElement? ErrorData { get; }

    /// <summary>Gets the method of the request that failed, when known.</summary>
    public string? Method { get; }

    /// <summary>Gets the id of the request that failed, when known.</summary>
    public long? RequestId { get; }

    private static string FormatMessage(int code, string errorMessage, string? method) =>
        method is null
            ? string.Create(CultureInfo.InvariantCulture, $"JSON-RPC error {code}: {errorMessage}")
            : string.Create(CultureInfo.InvariantCulture, $"JSON-RPC error {code} from '{method}': {errorMessage}");
}
