namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>One REST call to the THREAD: method, path relative to the base URL (with query) and JSON body.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query relative to the base URL, e.g. <c>api/configure?port=1</c>.</param>
/// <param name="Body">UTF-8 JSON body, or <see langword="null"/> for none.</param>
internal sealed record EdgeRequest(HttpMethod Method, string Path, byte[]? Body)
{
    /// <summary>Gets whether repeating the call has the same effect as making it once.</summary>
    public bool IsIdempotent => Method != HttpMethod.Post;
}
