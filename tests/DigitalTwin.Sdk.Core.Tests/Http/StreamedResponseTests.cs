using System.Net;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;

namespace DigitalTwin.Sdk.Core.Tests.Http;

public sealed class StreamedResponseTests
{
    [Fact]
    public async Task SendStreaming_Success_BodyLeftUnreadAndNotBoundByLimit()
    {
        var options = new TestOptions { MaxResponseBytes = 4096 };
        var body = new CountingStream(new byte[100_000]);
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(Chunked(HttpStatusCode.OK, body)));
        var runtime = PipelineFixture.Create(options, handler);

        using var response = await runtime.SendStreamingAsync(runtime.CreateRequest(HttpMethod.Post, "scan", "Scan"), CancellationToken.None);

        Assert.Equal(0, body.BytesRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var total = 0;
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        Assert.Equal(100_000, total);
    }

    [Fact]
    public async Task Send_Unmarked_BodyBufferedBeforeReturn()
    {
        var body = new CountingStream(new byte[1000]);
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(Chunked(HttpStatusCode.OK, body)));
        var runtime = PipelineFixture.Create(new TestOptions(), handler);

        using var response = await runtime.SendAsync(runtime.CreateRequest(HttpMethod.Post, "scan", "Scan"), CancellationToken.None);

        Assert.Equal(1000, body.BytesRead);
    }

    [Fact]
    public async Task SendStreaming_ErrorStatus_ThrowsTypedExceptionFromBufferedBody()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.NotFound, "{\"message\":\"no such model\"}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler);

        var ex = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() =>
            runtime.SendStreamingAsync(runtime.CreateRequest(HttpMethod.Post, "scan", "Scan"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public void StreamSuccessBody_SetsOptionReadBackOnlyForSuccess()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/scan").StreamSuccessBody();
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);
        using var failed = new HttpResponseMessage(HttpStatusCode.BadGateway);
        using var unmarked = new HttpRequestMessage(HttpMethod.Post, "http://localhost/scan");

        Assert.True(DigitalTwinRequestOptions.IsStreamed(request, ok));
        Assert.False(DigitalTwinRequestOptions.IsStreamed(request, failed));
        Assert.False(DigitalTwinRequestOptions.IsStreamed(unmarked, ok));
    }

    private static HttpResponseMessage Chunked(HttpStatusCode status, Stream body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;
        return new HttpResponseMessage(status) { Content = content };
    }

    private sealed class CountingStream(byte[] data) : MemoryStream(data)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead = Math.Max(BytesRead, Position);
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer);
            BytesRead = Math.Max(BytesRead, Position);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            BytesRead = Math.Max(BytesRead, Position);
            return read;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await base.ReadAsync(buffer, offset, count, cancellationToken);
            BytesRead = Math.Max(BytesRead, Position);
            return read;
        }
    }
}
