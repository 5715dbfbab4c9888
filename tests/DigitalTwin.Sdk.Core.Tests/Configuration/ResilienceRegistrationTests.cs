using System.Net;
using DigitalTwin.Sdk.Core.Configuration;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Core.Tests.Configuration;

/// <summary>
/// Under DI the named client runs the same pipeline definition through <c>AddResilienceHandler</c>: the same
/// classification, the DI clock, and the circuit state on the client's runtime.
/// </summary>
public sealed class ResilienceRegistrationTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
    private readonly FakeTimeProvider _time = TestTime.CreateClock();

    [Fact]
    public async Task Get_503_IsRetried_AndTheFailedAttemptsOpenTheCircuit()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")));
        await using var provider = Build(handler);
        var runtime = provider.GetRequiredKeyedService<ClientRuntime>(ClientRegistration.HttpClientName(PipelineFixture.Definition, string.Empty));

        await Assert.ThrowsAsync<DigitalTwinApiException>(() => _time.DriveAsync(runtime.GetAsync(), Step));
        Assert.Equal(4, handler.Calls);
        Assert.False(runtime.CircuitClosed);

        var ex = await Assert.ThrowsAsync<DigitalTwinCircuitOpenException>(() => runtime.GetAsync());
        Assert.Equal(4, handler.Calls);
        Assert.Equal(runtime.Options.CircuitBreaker.BreakDuration, ex.RetryAfter);
    }

    [Fact]
    public async Task Post_503_IsNotRetried()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")));
        await using var provider = Build(handler);
        var runtime = provider.GetRequiredKeyedService<ClientRuntime>(ClientRegistration.HttpClientName(PipelineFixture.Definition, string.Empty));

        await Assert.ThrowsAsync<DigitalTwinApiException>(() => _time.DriveAsync(runtime.PostAsync(), Step));

        Assert.Equal(1, handler.Calls);
    }

    private ServiceProvider Build(RecordingHandler handler)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.Configure<TestOptions>(string.Empty, o => o.CircuitBreaker.MinimumThroughput = 4);
        ClientRegistration.AddVendorHttpClient<TestOptions>(services, PipelineFixture.Definition, string.Empty, (_, _, _) => null)
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }
}
