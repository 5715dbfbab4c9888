using System.Text;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>One record (line) read from a port: the bytes before a delimiter.</summary>
/// <param name="Data">The record bytes, without the delimiter.</param>
/// <param name="DelimiterHex">The delimiter that ended the record as hex (e.g. <c>0D0A</c>), or <see langword="null"/>
/// when the record was cut because it reached the maximum length or the stream ended.</param>
public sealed record PortRecord(ReadOnlyMemory<byte> Data, string? DelimiterHex)
{
    /// <summary>Gets whether a delimiter ended the record.</summary>
    public bool IsComplete => DelimiterHex is not null;

    /// <summary>Gets the record decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(Data.Span);
}
