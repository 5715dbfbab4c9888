using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

namespace DigitalTwin.Sdk.Reliability.Tests.Faults;

[Trait("Category", "Reliability")]
public sealed class ThreadEdgeFaultMatrixTests : FaultMatrixContract
{
    private protected override async Task<VendorHarness> StartHarnessAsync() => await ThreadEdgeHarness.StartAsync(Audit, clocks: Clocks);
}
