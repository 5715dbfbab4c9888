using System.Text.Json;
using System.Text;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Tests.ModelData;

public sealed class ScanRowReaderTests
{
    private const string KeyA = "H_pwafaOSk2EClLjcqgo1ABb2Dg";
    private const string KeyB = "H_pwafaOSk2EClLjcqgo1ABb16o";

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ReadAsync_AnswerSplitAtAnyByte_YieldsEveryRow(int chunk)
    {
        var json = $$"""  [ {"v":"v1"} , {"k":"{{KeyA}}","n:n":"Door \"A\"","n:a":16777219,"z:x":{"a":[1,2]} },{"k":"{{KeyB}}","n:n":["Wall"]} ] """;
        JsonElement? version = null;

        var rows = await ReadAllAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), chunk), v => version = v);

        Assert.Equal("v1", version!.Value.GetProperty("v").GetString());
        Assert.Equal([KeyA, KeyB], rows.Select(r => r.Key.ToString()));
        Assert.Equal("Door \"A\"", rows[0].GetString("n:n"));
        Assert.Equal(ElementFlags.Stream, rows[0].Flags);
        Assert.Equal("Wall", rows[1].GetString("n:n"));
    }

    [Fact]
    public async Task ReadAsync_LargeAnswer_YieldsFirstRowAfterReadingLittleOfIt()
    {
        var source = new GeneratedScanStream(rows: 110_000);
        long readAtFirstRow = -1;
        var count = 0;

        await foreach (var row in ScanRowReader.ReadAsync(source, includeHistory: false, onVersion: null, CancellationToken.None))
        {
            if (count++ == 0)
            {
                readAtFirstRow = source.BytesRead;
            }
        }

        Assert.Equal(110_000, count);
        Assert.True(source.Length > 8_000_000, "the generated answer is megabytes long");
        Assert.InRange(readAtFirstRow, 1, 256 * 1024);
    }

    [Fact]
    public async Task ReadAsync_RowLargerThanBuffer_IsRead()
    {
        var big = new string('x', 300_000);
        var json = $$"""[{"v":1},{"k":"{{KeyA}}","n:n":"{{big}}"}]""";

        var rows = await ReadAllAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), 8192));

        Assert.Equal(big, Assert.Single(rows).GetString("n:n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[{\"v\":1},")]
    [InlineData("[{\"v\":1},{\"k\":\"" + KeyA + "\"")]
    [InlineData("[{\"v\":1},{\"n:n\":\"no key\"}]")]
    [InlineData("[{\"v\":1},{\"k\":\"AAA\"}]")]
    [InlineData("[{\"v\":1},42]")]
    [InlineData("[{\"v\":1},{\"k\":}]")]
    public async Task ReadAsync_NotAScanAnswer_ThrowsJsonException(string json)
    {
        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAllAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), 5)));
    }

    [Fact]
    public async Task ReadAsync_History_KeepsValueFirstPairs()
    {
        var json = $$"""[{"v":1},{"k":"{{KeyA}}","z:5A":["TAG-B",1767052800000,"TAG-A",1764547200000]}]""";

        var rows = await ReadAllAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), 2), includeHistory: true);

        Assert.Equal(["TAG-B", "TAG-A"], rows[0].GetHistory("z:5A").Select(v => v.Value.GetString()));
    }

    private static async Task<List<ElementRow>> ReadAllAsync(Stream stream, Action<JsonElement>? onVersion = null, bool includeHistory = false)
    {
        var rows = new List<ElementRow>();
        await foreach (var row in ScanRowReader.ReadAsync(stream, includeHistory, onVersion, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, so tokens split across reads.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(chunk, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Read(buffer.Span));
    }

    /// <summary>A scan answer of <c>rows</c> rows (about 100 bytes each), produced as it is read and never held whole.</summary>
    private sealed class GeneratedScanStream(int rows) : Stream
    {
        private readonly byte[] _head = Encoding.UTF8.GetBytes("[{\"v\":1}");
        private byte[] _pending = [];
        private int _offset;
        private int _next = -1;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _head.Length + 1 + ((long)rows * RowLength);

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        private static int RowLength => Row(0).Length;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_offset == _pending.Length)
            {
                if (_next > rows)
                {
                    return 0;
                }

                _pending = _next == -1 ? _head : _next == rows ? "]"u8.ToArray() : Row(_next);
                _next++;
                _offset = 0;
            }

            var n = Math.Min(buffer.Length, _pending.Length - _offset);
            _pending.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            BytesRead += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static byte[] Row(int i)
        {
            var key = new byte[20];
            BitConverter.TryWriteBytes(key, i);
            var text = Convert.ToBase64String(key).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return Encoding.UTF8.GetBytes($$""",{"k":"{{text}}","n:n":"Element {{i % 10}}","n:a":0,"n:c":-2000000}""");
        }
    }
}
