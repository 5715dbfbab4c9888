using System.Globalization;

namespace DigitalTwin.Sdk.Testing.Faults;

/// <summary>A fault the emulator injects instead of (or around) its normal answer.</summary>
/// <remarks>Create with the static factory methods and register with <see cref="FaultInjector.Add"/>.</remarks>
public sealed record Fault
{
    private Fault(FaultKind kind) => Kind = kind;

    /// <summary>Gets what the fault does.</summary>
    public FaultKind Kind { get; }

    /// <summary>Gets the status code sent by a <see cref="FaultKind.Respond"/> fault.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>Gets the body sent by a <see cref="FaultKind.Respond"/> fault.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Gets the content type sent by a <see cref="FaultKind.Respond"/> fault.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Gets extra response headers of a <see cref="FaultKind.Respond"/> fault.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the wait of a <see cref="FaultKind.Delay"/> fault.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Gets the frame count of a <see cref="FaultKind.CloseWebSocketAfterFrames"/> fault.</summary>
    public int Frames { get; init; }

    /// <summary>Gets the error code sent by a <see cref="FaultKind.JsonRpcError"/> fault (its message is <see cref="Body"/>).</summary>
    public int RpcErrorCode { get; init; }

    /// <summary>Answers with <paramref name="statusCode"/> and an optional body.</summary>
    /// <param name="statusCode">HTTP status code.</param>
    /// <param name="body">Body text.</param>
    /// <param name="contentType">Content type of the body.</param>
    /// <returns>The fault.</returns>
    public static Fault Status(int statusCode, string body = "", string contentType = "application/json") =>
        new(FaultKind.Respond) { StatusCode = statusCode, Body = body, ContentType = contentType };

    /// <summary>Answers 200 with a body that is not valid JSON.</summary>
    /// <returns>The fault.</returns>
    public static Fault MalformedJson() => Status(200, "{\"data\": [ {\"id\": 1,, ]", "application/json");

    /// <summary>Answers 200 with an HTML page instead of JSON.</summary>
    /// <returns>The fault.</returns>
    public static Fault WrongContentType() => Status(200, "<html><body>Gateway login</body></html>", "text/html");

    /// <summary>Answers 200 with a JSON body of roughly <paramref name="bytes"/> bytes.</summary>
    /// <param name="bytes">Approximate body size.</param>
    /// <returns>The fault.</returns>
    public static Fault HugeBody(int bytes) =>
        Status(200, "{\"padding\":\"" + new string('x', Math.Max(0, bytes - 14)) + "\"}");

    /// <summary>Waits <paramref name="duration"/> before the real handler answers.</summary>
    /// <remarks>
    /// On an HTTP request the wait is on the emulator's clock (its <c>TimeProvider</c> option where it has one, else
    /// the system clock), so on a fake clock the answer is held until the test advances that clock; a client that gives
    /// up first aborts the wait. A delayed JSON-RPC answer (socket emulators) waits in real time.
    /// </remarks>
    /// <param name="duration">The wait.</param>
    /// <returns>The fault.</returns>
    public static Fault Delay(TimeSpan duration) => new(FaultKind.Delay) { Duration = duration };

    /// <summary>Resets the connection without answering.</summary>
    /// <returns>The fault.</returns>
    public static Fault DropConnection() => new(FaultKind.DropConnection);

    /// <summary>Sends half of the real body, then resets the connection.</summary>
    /// <returns>The fault.</returns>
    public static Fault TruncateBody() => new(FaultKind.TruncateBody);

    /// <summary>Closes a WebSocket after <paramref name="frames"/> server frames.</summary>
    /// <param name="frames">Number of frames sent before the close.</param>
    /// <returns>The fault.</returns>
    public static Fault CloseWebSocketAfter(int frames) =>
        new(FaultKind.CloseWebSocketAfterFrames) { Frames = frames };

    /// <summary>
    /// Answers the next matching JSON-RPC request with an error object <c>{code, message}</c> without handling it (so
    /// nothing it asked for happens); register it with the JSON-RPC method, e.g. <c>method: "uploadData"</c>.
    /// </summary>
    /// <param name="code">The JSON-RPC error code.</param>
    /// <param name="message">The error message.</param>
    /// <returns>The fault.</returns>
    public static Fault JsonRpcError(int code, string message) =>
        new(FaultKind.JsonRpcError) { RpcErrorCode = code, Body = message ?? string.Empty };

    /// <summary>Adds a <c>Retry-After</c> header in delta-seconds form.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>A copy of this fault with the header.</returns>
    public Fault WithRetryAfter(TimeSpan delay) =>
        WithHeader("Retry-After", ((int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a <c>Retry-After</c> header in HTTP-date form.</summary>
    /// <param name="date">The date.</param>
    /// <returns>A copy of this fault with the header.</returns>
    public Fault WithRetryAfter(DateTimeOffset date) =>
        WithHeader("Retry-After", date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));

    /// <summary>Adds a response header.</summary>
    /// <param name="name">Header name.</param>
    /// <param name="value">Header value.</param>
    /// <returns>A copy of this fault with the header.</returns>
    public Fault WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };
}
