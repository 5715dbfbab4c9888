using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

namespace DigitalTwin.Sdk.Reliability.Tests.Idempotency;

[Trait("Category", "Reliability")]
public sealed class ITwinIoTIdempotencyTests : IdempotencyContract
{
    private protected override async Task<VendorHarness> StartAgainstAsync(Uri baseUrl) => await ITwinIoTHarness.StartAsync(Audit, o => o.RestBaseUrl = baseUrl, Clocks);

    private protected override async Task<VendorHarness> StartHarnessAsync() => await ITwinIoTHarness.StartAsync(Audit, clocks: Clocks);
}
