namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>One REST call to the THREAD: method, path relative to the base URL (with query) and JSON body.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query relative to the base URL, e.g. <c>api/configure?port=1</c>.</param>
/// <param name="Body">UTF-8 JSON body, or <see langword="null"/> for none.</param>
/// <param name="SafeToRepeat">Whether a POST sets absolute state (time, voltage, mode, LED), so repeating it after it
/// may have reached the device has the same effect as sending it once.</param>
internal sealed record EdgeRequest(HttpMethod Method, string Path, byte[]? Body, bool SafeToRepeat = false)
{
    /// <summary>Gets whether repeating the call has the same effect as making it once.</summary>
    public bool IsIdempotent => SafeToRepeat || Method != HttpMethod.Post;
}
