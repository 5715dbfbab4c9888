using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

namespace DigitalTwin.Sdk.Reliability.Tests.Faults;

[Trait("Category", "Reliability")]
public sealed class TandemFaultMatrixTests : FaultMatrixContract
{
    private protected override async Task<VendorHarness> StartHarnessAsync() => await TandemHarness.StartAsync(Audit, clocks: Clocks);
}
