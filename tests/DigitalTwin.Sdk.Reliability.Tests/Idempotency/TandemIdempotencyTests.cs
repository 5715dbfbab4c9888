using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;
using DigitalTwin.Sdk.Testing.Faults;

namespace DigitalTwin.Sdk.Reliability.Tests.Idempotency;

[Trait("Category", "Reliability")]
public sealed class TandemIdempotencyTests : IdempotencyContract
{
    [Fact]
    public async Task StreamIngest_429_IsResentBecauseTheServiceRefusedIt()
    {
        Harness.Emulator.Faults.Add(Fault.Status(429, """{"developerMessage":"Too many requests","errorCode":"TOO_MANY_REQUESTS"}"""), Harness.UnsafePostPath, "POST");

        await TimedAsync(Harness.UnsafePostAsync);

        Assert.Equal(2, Harness.Logged(Harness.UnsafePostPath!, "POST"));
    }

    /// <remarks>
    /// Stream ingest is spaced one per second per model by the client (the service limit), and that wait is inside each
    /// attempt's timeout: with the suite's 1.5 s attempt timeout a queued retry times out before it leaves, so this
    /// harness allows 5 s per attempt.
    /// </remarks>
    private protected override async Task<VendorHarness> StartAgainstAsync(Uri baseUrl) => await TandemHarness.StartAsync(Audit, o =>
    {
        o.BaseUrl = new Uri(baseUrl, "tandem/v1/");
        o.AttemptTimeout = TimeSpan.FromSeconds(5);
    }, Clocks);

    private protected override async Task<VendorHarness> StartHarnessAsync() => await TandemHarness.StartAsync(Audit, clocks: Clocks);
}
