using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// In-memory Tandem model-data endpoint: answers every <c>…/scan</c> request with <c>[{"v":1},row,row,…]</c> of
/// <see cref="Rows"/> element rows in the service's layout (a 20-byte base64url key <c>k</c>, each value wrapped in a
/// one-element array), written while the client reads it, so the body is never held whole. Thread-safe.
/// </summary>
public sealed class GeneratedScanHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private int _scans;

    /// <summary>Gets or sets the number of element rows of each scan answer.</summary>
    public long Rows { get; set; }

    /// <summary>Gets how many scans were answered.</summary>
    public int Scans => Volatile.Read(ref _scans);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/scan", StringComparison.Ordinal))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
        }

        Interlocked.Increment(ref _scans);
        var content = new StreamContent(new GeneratedJsonArrayStream("[{\"v\":1}"u8.ToArray(), Rows, WriteRow, "]"u8.ToArray(), separatorBeforeFirst: true), 16 * 1024);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private static void WriteRow(long index, IBufferWriter<byte> writer)
    {
        Span<byte> key = stackalloc byte[20];
        key.Clear();
        key[0] = 0x01;
        BitConverter.TryWriteBytes(key[12..], index);
        writer.Write("{\"k\":\""u8);
        var encoded = writer.GetSpan(27);
        Base64Url.EncodeToUtf8(key, encoded, out _, out var written);
        writer.Advance(written);
        writer.Write("\",\"n:n\":[\"Element "u8);
        WriteNumber(writer, index);
        writer.Write("\"],\"n:c\":[-2000011],\"n:l\":["u8);
        WriteNumber(writer, index % 50);
        writer.Write("],\"n:a\":[0],\"z:Dg\":[21.5],\"z:Wd\":[\"Section "u8);
        WriteNumber(writer, index % 7);
        writer.Write("\"]}"u8);
    }

    private static void WriteNumber(IBufferWriter<byte> writer, long value)
    {
        var span = writer.GetSpan(20);
        value.TryFormat(span, out var n, default, CultureInfo.InvariantCulture);
        writer.Advance(n);
    }
}
