using System.Diagnostics;
using DigitalTwin.Sdk.Core.Telemetry;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

/// <summary>W3C trace context reaches the vendor API only when <c>PropagateTraceContext</c> is set (both construction paths).</summary>
public sealed class LifecycleTwinTraceContextTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task GetAsset_WithSdkActivity_SendsTraceparentOnlyWhenOptedIn(bool propagate, bool viaDependencyInjection)
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DigitalTwinTelemetry.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var options = LifecycleTwinFixture.OptionsFor(emulator);
        options.PropagateTraceContext = propagate;

        var client = LifecycleTwinFixture.CreateClient(options, viaDependencyInjection, out var provider);
        try
        {
            await client.Assets.GetAssetAsync(emulator.Assets[0].Id);
        }
        finally
        {
            if (provider is not null)
            {
                await provider.DisposeAsync();
            }
        }

        var request = Assert.Single(emulator.Requests.ForPath("/api/assets/"));
        var traceparent = request.Header("traceparent");
        if (propagate)
        {
            Assert.NotNull(traceparent);
            Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", traceparent);
        }
        else
        {
            Assert.Null(traceparent);
        }
    }
}
