using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

namespace DigitalTwin.Sdk.Reliability.Tests.Idempotency;

[Trait("Category", "Reliability")]
public sealed class BuildingXIdempotencyTests : IdempotencyContract
{
    private protected override async Task<VendorHarness> StartAgainstAsync(Uri baseUrl) =>
        await BuildingXHarness.StartAsync(Audit, o => o.BaseUrl = new Uri(baseUrl, Testing.BuildingX.BuildingXEmulator.ApiBasePath.TrimStart('/')), Clocks);

    private protected override async Task<VendorHarness> StartHarnessAsync() => await BuildingXHarness.StartAsync(Audit, clocks: Clocks);
}
