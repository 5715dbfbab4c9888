using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Configuration;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Core.Tests.Pipeline;

/// <summary>The public client-authoring API: handler positions, vendor definitions, the DI-owned limiter registry.</summary>
public sealed class ClientAuthoringTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
    private readonly FakeTimeProvider _time = TestTime.CreateClock();

    [Fact]
    public async Task Standalone_PerCallHandlerRunsOnce_PerAttemptHandlerOncePerAttempt_NeitherSeesTheToken()
    {
        var log = new ConcurrentQueue<string>();
        var options = new TestOptions();
        options.AddHandler(() => new Probe("call", log), HttpPipelinePosition.PerCall);
        options.AddHandler(() => new Probe("attempt", log), HttpPipelinePosition.PerAttempt);
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(RecordingHandler.Json(call < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, "{}")));
        var runtime = StandaloneClient.CreateApiRuntime(PipelineFixture.Definition, options, new HttpClient(handler), null, _time, new StaticTokens());

        using (await _time.DriveAsync(runtime.GetAsync(), Step))
        {
        }

        Assert.Equal(3, handler.Calls);
        Assert.Equal(["call:-", "attempt:-", "attempt:-", "attempt:-"], log.ToArray());
        Assert.All(handler.Requests, r => Assert.Equal("Bearer tok-1", r.Authorization));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Standalone_TransportFailure_IsTypedWithOrWithoutPerCallHandlers_AndAPerCallHandlerSeesTheTypedException(bool perCallHandler)
    {
        var seen = new ConcurrentQueue<Exception>();
        var options = new TestOptions();
        options.Retry.MaxRetries = 0;
        if (perCallHandler)
        {
            options.AddHandler(() => new Catcher(seen), HttpPipelinePosition.PerCall);
        }

        var handler = new RecordingHandler((_, _, _) => throw new HttpRequestException("connection refused"));
        var runtime = StandaloneClient.CreateApiRuntime(PipelineFixture.Definition, options, new HttpClient(handler), null, _time, new StaticTokens());

        var error = await Assert.ThrowsAsync<DigitalTwinConnectionException>(() => runtime.GetAsync());

        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(perCallHandler ? 1 : 0, seen.Count);
        Assert.All(seen, e => Assert.IsType<DigitalTwinConnectionException>(e));
    }

    [Fact]
    public async Task ReceiveJsonAsync_DeclaredCall_ParsesSuccess_AndTypesAnErrorStatus()
    {
        var handler = new RecordingHandler((request, _, _) => Task.FromResult(request.RequestUri!.AbsolutePath.EndsWith("/missing", StringComparison.Ordinal)
            ? RecordingHandler.Json(HttpStatusCode.NotFound, "{\"code\":\"NotFound\",\"message\":\"no such thing\"}")
            : RecordingHandler.Json(HttpStatusCode.OK, "{\"name\":\"pump\"}")));
        var options = new TestOptions();
        options.Retry.MaxRetries = 0;
        var runtime = StandaloneClient.CreateApiRuntime(PipelineFixture.Definition, options, new HttpClient(handler), null, _time, new StaticTokens());
        using var rest = runtime.CreateRestClient(options.BaseUrl!);
        var elementType = AuthoringJsonContext.Default.JsonElement;

        var found = await runtime.ReceiveJsonAsync(rest.GetAsync(new Uri(options.BaseUrl!, "things/1")), elementType, CancellationToken.None);
        var missing = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => runtime.ReceiveAsync(rest.GetAsync(new Uri(options.BaseUrl!, "things/missing")), CancellationToken.None));

        Assert.Equal("pump", found.Value.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Di_HandlerPositionsRunAsStandalone()
    {
        var log = new ConcurrentQueue<string>();
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(RecordingHandler.Json(call < 2 ? HttpStatusCode.BadGateway : HttpStatusCode.OK, "{}")));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.Configure<TestOptions>("n", o =>
        {
            o.AddHandler(() => new Probe("call", log), HttpPipelinePosition.PerCall);
            o.AddHandler(() => new Probe("attempt", log), HttpPipelinePosition.PerAttempt);
        });
        ClientRegistration.AddVendorHttpClient<TestOptions>(services, PipelineFixture.Definition, "n", (_, _, _) => null)
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredKeyedService<ClientRuntime>(ClientRegistration.HttpClientName(PipelineFixture.Definition, "n"));

        using (await _time.DriveAsync(runtime.GetAsync(), Step))
        {
        }

        Assert.Equal(["call:-", "attempt:-", "attempt:-"], log.ToArray());
    }

    [Fact]
    public void AddHandler_RejectsUnknownPosition_AndNullHandlers()
    {
        var options = new TestOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.AddHandler(() => new Probe("x", new()), (HttpPipelinePosition)7));
        Assert.Throws<ArgumentNullException>(() => options.AddHandler(null!, HttpPipelinePosition.PerCall));
    }

    [Fact]
    public async Task VendorClassifier_DecidesWhatIsTransient()
    {
        var definition = new ClientDefinition("Teapot", "Teapot API", "DigitalTwin:Teapot") { Classifier = new TeapotClassifier() };
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(RecordingHandler.Json(call < 2 ? (HttpStatusCode)418 : HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time, definition: definition);

        using (await _time.DriveAsync(runtime.GetAsync(), Step))
        {
        }

        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public void Definition_ValidatesItsNames()
    {
        Assert.Throws<ArgumentException>(() => new ClientDefinition("Has Space", "X", "DigitalTwin:X"));
        Assert.Throws<ArgumentException>(() => new ClientDefinition("X", " ", "DigitalTwin:X"));
        Assert.Throws<ArgumentException>(() => new ClientDefinition("X", "X", ""));
        Assert.Equal("Teapot API", new ClientDefinition("Teapot", "Teapot API", "DigitalTwin:Teapot").ToString());
    }

    [Fact]
    public async Task Di_ContainerOwnsTheRegistry_UsesARegisteredFactory_AndDisposesItsLimiters()
    {
        var factory = new RecordingFactory();
        var services = new ServiceCollection();
        services.AddSingleton<IRateLimiterFactory>(factory);
        services.Configure<TestOptions>(string.Empty, o => o.RateLimit.PermitsPerSecond = 5);
        ClientRegistration.AddVendorHttpClient<TestOptions>(services, PipelineFixture.Definition, string.Empty, (_, _, _) => null);
        var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredKeyedService<ClientRuntime>(ClientRegistration.HttpClientName(PipelineFixture.Definition, string.Empty));

        Assert.Same(provider.GetRequiredService<RateLimiterRegistry>(), runtime.RateLimiters);
        Assert.NotSame(RateLimiterRegistry.Shared, runtime.RateLimiters);
        var quota = Assert.Single(factory.Quotas);
        Assert.Equal(RateLimitKind.TokenBucket, quota.Kind);
        Assert.StartsWith("Test API|https://api.example.test/v1/", quota.Key, StringComparison.Ordinal);

        await provider.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => runtime.Limiter!.AttemptAcquire(1));
    }

    [Fact]
    public void Standalone_UsesTheSharedRegistry()
    {
        var options = new TestOptions();
        options.RateLimit.PermitsPerSecond = 3;
        var one = StandaloneClient.CreateApiRuntime(PipelineFixture.Definition, options, null, null, _time, null);
        var two = StandaloneClient.CreateApiRuntime(PipelineFixture.Definition, options, null, null, _time, null);

        Assert.Same(RateLimiterRegistry.Shared, one.RateLimiters);
        Assert.Same(one.Limiter, two.Limiter);
    }

    [Fact]
    public void Standalone_InvalidOptions_NameTheSettingAndSection()
    {
        var options = new TestOptions { BaseUrl = null };

        var ex = Assert.Throws<ArgumentException>(() => StandaloneClient.CreateApiRuntime(PipelineFixture.Definition, options, null, null, null, null));

        Assert.Contains("DigitalTwin:Test:BaseUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialOrigins_ComeFromTheOptions()
    {
        var runtime = PipelineFixture.Create(new TwoHostOptions(), new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}"))));

        Assert.True(runtime.MayReceiveCredentials(new Uri("https://api.example.test/other")));
        Assert.True(runtime.MayReceiveCredentials(new Uri("https://accounts.example.test:8443/x")));
        Assert.False(runtime.MayReceiveCredentials(new Uri("https://accounts.example.test/x")));
        Assert.False(runtime.MayReceiveCredentials(new Uri("relative", UriKind.Relative)));
    }

    [Fact]
    public void UseHttpClientFactory_AttachesOnce()
    {
        var runtime = PipelineFixture.Create(new TestOptions(), new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.OK, "{}"))));

        Assert.Throws<InvalidOperationException>(() => runtime.UseHttpClientFactory(() => new HttpClient()));
    }

    [Fact]
    public async Task TokenCache_Reset_ForgetsTokenAndFailure()
    {
        var source = new CountingSource();
        var cache = new TokenCache(source, _time);
        var first = await cache.GetTokenAsync(CancellationToken.None);

        cache.Reset();
        var second = await cache.GetTokenAsync(CancellationToken.None);

        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(2, source.Calls);
    }

    private sealed class Probe(string name, ConcurrentQueue<string> log) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log.Enqueue(name + ":" + (request.Headers.Authorization?.Parameter ?? "-"));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class Catcher(ConcurrentQueue<Exception> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (Exception ex)
            {
                seen.Enqueue(ex);
                throw;
            }
        }
    }

    private sealed class TeapotClassifier : ResponseClassifier
    {
        public override bool IsTransient(HttpResponseMessage response) => (int)response.StatusCode == 418 || base.IsTransient(response);
    }

    private sealed class TwoHostOptions : DigitalTwinClientOptions
    {
        public TwoHostOptions() => BaseUrl = new Uri("https://api.example.test/v1/");

        protected internal override IEnumerable<Uri> GetCredentialOrigins() => base.GetCredentialOrigins().Append(new Uri("https://accounts.example.test:8443/"));
    }

    private sealed class RecordingFactory : IRateLimiterFactory
    {
        public ConcurrentQueue<RateLimitQuota> Quotas { get; } = new();

        public RateLimiter Create(RateLimitQuota quota, TimeProvider timeProvider)
        {
            Quotas.Enqueue(quota);
            return InProcessRateLimiterFactory.Instance.Create(quota, timeProvider);
        }
    }

    private sealed class CountingSource : ITokenSource
    {
        private int _calls;

        public int Calls => _calls;

        public ValueTask<AccessToken> AcquireTokenAsync(AccessToken? previous, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _calls);
            return new(new AccessToken("t" + n, DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow));
        }
    }
}

/// <summary>Source-generated metadata for the authoring tests' JSON answers.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class AuthoringJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
