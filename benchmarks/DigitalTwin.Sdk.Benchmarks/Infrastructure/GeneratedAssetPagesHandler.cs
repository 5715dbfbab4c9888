using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// In-memory Lifecycle Twin asset list of any size: every page is generated while the client reads it, from one asset the
/// emulator answered (its id replaced by a distinct id per position), so a walk of a million assets holds no million
/// assets here. Token requests get the emulator's token answer. Thread-safe.
/// </summary>
public sealed class GeneratedAssetPagesHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly byte[] _tokenBody;
    private readonly byte[][] _parts;
    private int _pages;

    /// <summary>Initializes the handler.</summary>
    /// <param name="tokenBody">The emulator's token answer.</param>
    /// <param name="assetBody">The emulator's answer to a get-by-id (a one-element array).</param>
    /// <param name="assetId">That asset's id (replaced in every generated asset).</param>
    /// <param name="total">Number of assets in the list.</param>
    public GeneratedAssetPagesHandler(byte[] tokenBody, byte[] assetBody, string assetId, long total)
    {
        ArgumentNullException.ThrowIfNull(assetBody);
        _tokenBody = tokenBody;
        Total = total;
        var text = Encoding.UTF8.GetString(assetBody).Trim();
        text = text[1..^1].Trim();
        _parts = [.. text.Split("\"" + assetId + "\"", StringSplitOptions.None).Select(Encoding.UTF8.GetBytes)];
        if (_parts.Length < 2)
        {
            throw new ArgumentException("The asset body does not hold its id.", nameof(assetBody));
        }
    }

    /// <summary>Gets or sets the number of assets in the list.</summary>
    public long Total { get; set; }

    /// <summary>Gets how many pages were answered.</summary>
    public int Pages => Volatile.Read(ref _pages);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal))
        {
            return Task.FromResult(Create(request, new ByteArrayContent(_tokenBody)));
        }

        var (page, size) = ReadPagination(request);
        Interlocked.Increment(ref _pages);
        var first = (long)page * size;
        var count = Math.Clamp(Total - first, 0, size);
        var body = new GeneratedJsonArrayStream("["u8.ToArray(), count, (i, w) => WriteAsset(first + i, w), "]"u8.ToArray());
        return Task.FromResult(Create(request, new StreamContent(body, 16 * 1024)));
    }

    private static (int Page, int Size) ReadPagination(HttpRequestMessage request)
    {
        if (!request.Headers.TryGetValues("pagination", out var values))
        {
            throw new InvalidOperationException("A list request without a pagination header.");
        }

        using var document = JsonDocument.Parse(values.First());
        return (document.RootElement.GetProperty("page").GetInt32(), document.RootElement.GetProperty("size").GetInt32());
    }

    private static HttpResponseMessage Create(HttpRequestMessage request, HttpContent content)
    {
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    private void WriteAsset(long index, IBufferWriter<byte> writer)
    {
        writer.Write(_parts[0]);
        for (var p = 1; p < _parts.Length; p++)
        {
            // A GUID-shaped id unique to the position: "00000000-0000-4000-8000-<index as 12 hex digits>".
            var id = writer.GetSpan(40);
            "\"00000000-0000-4000-8000-"u8.CopyTo(id);
            index.TryFormat(id[25..], out var n, "x12", CultureInfo.InvariantCulture);
            id[25 + n] = (byte)'"';
            writer.Advance(26 + n);
            writer.Write(_parts[p]);
        }
    }
}
