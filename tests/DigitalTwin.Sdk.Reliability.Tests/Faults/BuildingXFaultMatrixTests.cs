using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

namespace DigitalTwin.Sdk.Reliability.Tests.Faults;

[Trait("Category", "Reliability")]
public sealed class BuildingXFaultMatrixTests : FaultMatrixContract
{
    private protected override async Task<VendorHarness> StartHarnessAsync() => await BuildingXHarness.StartAsync(Audit, clocks: Clocks);
}
