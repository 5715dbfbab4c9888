using System.Net;
using System.Text;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;

namespace DigitalTwin.Sdk.Core.Tests.Http;

public sealed class ResponseReadingTests
{
    [Fact]
    public async Task SendJson_MalformedBody_ThrowsInvalidResponseWithRequestId()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{\"a\": [1,, }", ("X-Request-Id", "rid-42"))));
        var runtime = PipelineFixture.Create(new TestOptions(), handler);

        var ex = await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(() =>
            runtime.SendJsonAsync(runtime.CreateRequest(HttpMethod.Get, "items", "Get"), CoreJsonContext.Default.JsonElement, CancellationToken.None));

        Assert.Equal("rid-42", ex.RequestId);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
        Assert.Contains("rid-42", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendJson_HtmlBody_ThrowsInvalidResponseNamingContentType()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html/>", Encoding.UTF8, "text/html") }));
        var runtime = PipelineFixture.Create(new TestOptions(), handler);

        var ex = await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(() =>
            runtime.SendJsonAsync(runtime.CreateRequest(HttpMethod.Get, "items", "Get"), CoreJsonContext.Default.JsonElement, CancellationToken.None));

        Assert.Contains("text/html", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BodyLargerThanLimit_ThrowsInvalidResponseWithoutRetry()
    {
        var options = new TestOptions { MaxResponseBytes = 4096 };
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{\"p\":\"" + new string('x', 100_000) + "\"}")));
        var runtime = PipelineFixture.Create(options, handler);

        var ex = await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(() => runtime.GetAsync());

        Assert.Equal(1, handler.Calls);
        Assert.Contains("MaxResponseBytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ChunkedBodyLargerThanLimit_ThrowsInvalidResponse()
    {
        var options = new TestOptions { MaxResponseBytes = 4096 };
        var handler = new RecordingHandler((_, _, _) =>
        {
            var content = new StreamContent(new MemoryStream(new byte[100_000]));
            content.Headers.ContentType = new("application/json");
            content.Headers.ContentLength = null;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });
        var runtime = PipelineFixture.Create(options, handler);

        await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(() => runtime.GetAsync());
    }
}
