using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

namespace DigitalTwin.Sdk.Reliability.Tests.Idempotency;

[Trait("Category", "Reliability")]
public sealed class ThreadEdgeIdempotencyTests : IdempotencyContract
{
    private protected override async Task<VendorHarness> StartAgainstAsync(Uri baseUrl) => await ThreadEdgeHarness.StartAsync(Audit, o => o.BaseUrl = baseUrl, Clocks);

    private protected override async Task<VendorHarness> StartHarnessAsync() => await ThreadEdgeHarness.StartAsync(Audit, clocks: Clocks);
}
