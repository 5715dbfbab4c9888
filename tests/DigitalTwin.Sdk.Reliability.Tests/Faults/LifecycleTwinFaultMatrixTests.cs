using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;
using DigitalTwin.Sdk.Testing.Faults;

namespace DigitalTwin.Sdk.Reliability.Tests.Faults;

[Trait("Category", "Reliability")]
public sealed class LifecycleTwinFaultMatrixTests : FaultMatrixContract
{
    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    public async Task TokenPost_DeclaredIdempotent_IsRetriedOnTransientStatus(int status)
    {
        var h = (LifecycleTwinHarness)Harness;
        h.Emu.Faults.Add(Fault.Status(status), "/api/token", "POST");

        await TimedAsync(h.ReadAsync);

        Assert.Equal(2, h.Emu.Requests.ForPath("/api/token").Count);
        Assert.Equal(1, h.PasswordGrants);
    }

    private protected override async Task<VendorHarness> StartHarnessAsync() => await LifecycleTwinHarness.StartAsync(Audit, clocks: Clocks);
}
