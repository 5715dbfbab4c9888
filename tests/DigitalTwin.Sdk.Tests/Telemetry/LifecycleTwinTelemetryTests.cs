using System.Diagnostics;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Telemetry;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class LifecycleTwinTelemetryTests : IAsyncLifetime
{
    private const string Vendor = "Siemens Lifecycle Twin";
    private LifecycleTwinEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await LifecycleTwinEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Request_ProducesOneClientActivityWithVendorOperationStatusAndRetryCount()
    {
        using var capture = new TelemetryCapture();
        var client = new LifecycleTwinClient(OptionsFor(_emulator));

        var site = await client.Sites.GetSiteAsync(_emulator.ProjectId);

        var activities = capture.ActivitiesFor(_emulator.BaseUri);
        var token = Assert.Single(activities, a => Equals(a.GetTagItem("digitaltwin.operation"), "AcquireToken"));
        var get = Assert.Single(activities, a => Equals(a.GetTagItem("digitaltwin.operation"), "GetSite"));
        Assert.Equal(2, activities.Count);
        Assert.Equal(site.Id, _emulator.ProjectId);
        Assert.Equal(ActivityKind.Client, get.Kind);
        Assert.Equal(DigitalTwinTelemetry.SourceName, get.Source.Name);
        Assert.Equal(Vendor, get.GetTagItem("digitaltwin.vendor"));
        Assert.Equal("GET", get.GetTagItem("http.request.method"));
        Assert.Equal(200, get.GetTagItem("http.response.status_code"));
        Assert.Equal(0, get.GetTagItem("digitaltwin.retry_count"));
        Assert.NotEqual(ActivityStatusCode.Error, get.Status);
        Assert.Equal("POST", token.GetTagItem("http.request.method"));
        Assert.DoesNotContain(_emulator.Password, string.Join(" ", activities.SelectMany(a => a.Tags).Select(t => t.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriedRequest_ActivityCountsRetriesAndRetryCounterIncreases()
    {
        using var capture = new TelemetryCapture();
        var client = new LifecycleTwinClient(OptionsFor(_emulator));
        await client.Sites.GetSiteAsync(_emulator.ProjectId);
        _emulator.Faults.Add(Fault.Status(503, """{"Message":"busy"}"""), pathPrefix: "/api/clientprojects", times: 2);

        await client.Sites.GetSiteAsync(_emulator.ProjectId);

        var retried = capture.ActivitiesFor(_emulator.BaseUri).Where(a => Equals(a.GetTagItem("digitaltwin.operation"), "GetSite")).Last();
        Assert.Equal(2, retried.GetTagItem("digitaltwin.retry_count"));
        Assert.Equal(200, retried.GetTagItem("http.response.status_code"));
        var retries = capture.MeasurementsOf(DigitalTwinTelemetry.RetriesInstrument).Where(m => Equals(m.Tag("digitaltwin.vendor"), Vendor)).ToList();
        Assert.Equal(2, retries.Sum(m => m.Value));
        Assert.Equal(2, _emulator.Faults.Injected);
    }

    [Fact]
    public async Task FailedRequest_ActivityIsAnErrorWithTheHttpStatus()
    {
        using var capture = new TelemetryCapture();
        var client = new LifecycleTwinClient(OptionsFor(_emulator));

        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => client.Sites.GetSiteAsync("00000000-0000-0000-0000-000000000000"));

        var failed = Assert.Single(capture.ActivitiesFor(_emulator.BaseUri), a => Equals(a.GetTagItem("digitaltwin.operation"), "GetSite"));
        Assert.Equal(404, failed.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(0, failed.GetTagItem("digitaltwin.retry_count"));
    }

    [Fact]
    public async Task Requests_RecordDurationPerCallAndOneTokenRefresh()
    {
        using var capture = new TelemetryCapture();
        var client = new LifecycleTwinClient(OptionsFor(_emulator));

        var sites = await client.Sites.GetSitesAsync().ToListAsync();
        await client.Sites.GetSiteAsync(_emulator.ProjectId);

        Assert.NotEmpty(sites);
        var durations = capture.MeasurementsOf(DigitalTwinTelemetry.RequestDurationInstrument)
            .Where(m => Equals(m.Tag("digitaltwin.vendor"), Vendor) && m.Tag("digitaltwin.operation") is "GetSites" or "GetSite")
            .ToList();
        var calls = capture.ActivitiesFor(_emulator.BaseUri).Count(a => a.GetTagItem("digitaltwin.operation") is "GetSites" or "GetSite");
        Assert.Equal(calls, durations.Count);
        Assert.All(durations, d => Assert.Equal(200, d.Tag("http.response.status_code")));
        Assert.All(durations, d => Assert.InRange(d.Value, 0, 30));
        var refreshes = capture.MeasurementsOf(DigitalTwinTelemetry.TokenRefreshesInstrument)
            .Where(m => Equals(m.Tag("outcome"), "success") && Equals(m.Tag("digitaltwin.vendor"), "Siemens Lifecycle Twin")).ToList();
        Assert.Equal(_emulator.TokensIssued, refreshes.Count);
        Assert.Equal(1, _emulator.TokensIssued);
    }

    [Fact]
    public async Task ClientSideRateLimit_RecordsTheWaitForAPermit()
    {
        using var capture = new TelemetryCapture();
        var options = OptionsFor(_emulator);
        options.RateLimit.PermitsPerSecond = 20;
        options.RateLimit.Burst = 1;
        var client = new LifecycleTwinClient(options);

        for (var i = 0; i < 4; i++)
        {
            await client.Sites.GetSiteAsync(_emulator.ProjectId);
        }

        var waits = capture.MeasurementsOf(DigitalTwinTelemetry.RateLimitWaitInstrument).Where(m => Equals(m.Tag("digitaltwin.vendor"), Vendor)).ToList();
        Assert.True(waits.Count >= 4, $"expected a wait measurement per request, got {waits.Count}");
        Assert.Contains(waits, w => w.Value > 0.01);
        Assert.All(waits, w => Assert.InRange(w.Value, 0, 5));
    }

    private static LifecycleTwinOptions OptionsFor(LifecycleTwinEmulator emulator)
    {
        var options = new LifecycleTwinOptions
        {
            BaseUrl = emulator.BaseUri,
            ClientId = emulator.ClientId,
            ClientSecret = emulator.ClientSecret,
            Username = emulator.Username,
            Password = emulator.Password,
            ClientName = emulator.ClientName,
            ProjectId = emulator.ProjectId,
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }
}
