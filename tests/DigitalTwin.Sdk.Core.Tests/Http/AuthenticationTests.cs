using System.Net;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;

namespace DigitalTwin.Sdk.Core.Tests.Http;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Send_AttachesBearerTokenToApiOrigin()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, tokens: new StaticTokens());

        using var _ = await runtime.GetAsync();

        Assert.Equal("Bearer tok-1", handler.Requests.Single().Authorization);
    }

    [Fact]
    public async Task Send_Unauthorized_InvalidatesAndRetriesOnceWithFreshToken()
    {
        var tokens = new StaticTokens();
        var handler = new RecordingHandler((request, _, _) => Task.FromResult(
            request.Headers.Authorization?.Parameter == "tok-1" ? RecordingHandler.Json(HttpStatusCode.Unauthorized, "{}") : RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, tokens: tokens);

        using var response = await runtime.GetAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-2" }, handler.Requests.Select(r => r.Authorization ?? string.Empty).ToArray());
        Assert.Equal(1, tokens.Invalidations);
    }

    [Fact]
    public async Task Send_UnauthorizedTwice_ThrowsAuthenticationExceptionWithoutToken()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.Unauthorized, "{\"error\":\"invalid_token\",\"error_description\":\"expired\"}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, tokens: new StaticTokens("very-secret-token"));

        var ex = await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => runtime.GetAsync());

        Assert.Equal(2, handler.Calls);
        Assert.Equal("invalid_token", ex.ErrorCode);
        Assert.DoesNotContain("very-secret-token", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_OtherOrigin_RefusedBeforeSending()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, tokens: new StaticTokens());

        var ex = await Assert.ThrowsAsync<DigitalTwinException>(() => runtime.SendAsync(runtime.CreateRequest(HttpMethod.Get, "https://attacker.example.test/steal", "Steal"), CancellationToken.None));

        Assert.Equal(0, handler.Calls);
        Assert.Contains("attacker.example.test", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SameHostOtherPort_Refused()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, tokens: new StaticTokens());

        await Assert.ThrowsAsync<DigitalTwinException>(() => runtime.SendAsync(runtime.CreateRequest(HttpMethod.Get, "https://api.example.test:8443/v1/items", "Get"), CancellationToken.None));
        Assert.Equal(0, handler.Calls);
    }
}
