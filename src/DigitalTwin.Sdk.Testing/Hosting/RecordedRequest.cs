using System.Globalization;
using System.Text;

namespace DigitalTwin.Sdk.Testing.Hosting;

/// <summary>One HTTP request (or WebSocket upgrade) as the emulator received it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, unescaped.</param>
/// <param name="QueryString">Raw query string including the leading <c>?</c>, or empty.</param>
/// <param name="Headers">Request headers; names lower-case.</param>
/// <param name="Body">Request body as text (UTF-8), or empty.</param>
/// <param name="ReceivedAt">When the request arrived.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Gets a header value, or <see langword="null"/> when absent.</summary>
    /// <param name="name">Header name, any case.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? Header(string name) =>
        Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    // Header values, the query string and the body can hold tokens, client secrets and passwords: print their shape only.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Method = ").Append(Method)
            .Append(", Path = ").Append(Path)
            .Append(", QueryString = ").Append(QueryString.Length).Append(" chars")
            .Append(", Headers = [").AppendJoin(", ", Headers.Keys).Append(']')
            .Append(", Body = ").Append(Body.Length).Append(" chars")
            .Append(", ReceivedAt = ").Append(ReceivedAt.ToString("O", CultureInfo.InvariantCulture));
        return true;
    }
}
