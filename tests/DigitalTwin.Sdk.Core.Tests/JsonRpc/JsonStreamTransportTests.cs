using System.Text;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Core.Tests.JsonRpc;

public sealed class JsonStreamTransportTests
{
    [Fact]
    public async Task ReceiveAsync_ConcatenatedMessagesInSmallReads_ReturnsEachThenNullAtCleanEnd()
    {
        var wire = Encoding.UTF8.GetBytes("{\"id\":1,\"result\":\"}\"}\n{\"id\":2,\"result\":[]}");
        await using var transport = new JsonStreamTransport(new TrickleStream(wire, 3));

        var first = await transport.ReceiveAsync(CancellationToken.None);
        Assert.Equal("{\"id\":1,\"result\":\"}\"}", Encoding.UTF8.GetString(first!.Value.Span));
        var second = await transport.ReceiveAsync(CancellationToken.None);
        Assert.Equal("{\"id\":2,\"result\":[]}", Encoding.UTF8.GetString(second!.Value.Span));
        Assert.Null(await transport.ReceiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReceiveAsync_StreamEndsInsideMessage_Throws()
    {
        await using var transport = new JsonStreamTransport(new TrickleStream(Encoding.UTF8.GetBytes("{\"id\":1,\"res"), 4));

        await Assert.ThrowsAsync<EndOfStreamException>(async () => await transport.ReceiveAsync(CancellationToken.None));
    }

    /// <summary>A read-only stream handing out at most a few bytes per read, as a slow TCP link does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => data.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), data.Length - _position);
            System.Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
        }
    }
}
