using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

namespace DigitalTwin.Sdk.Reliability.Tests.Faults;

[Trait("Category", "Reliability")]
public sealed class ITwinIoTFaultMatrixTests : FaultMatrixContract
{
    private protected override async Task<VendorHarness> StartHarnessAsync() => await ITwinIoTHarness.StartAsync(Audit, clocks: Clocks);
}
