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

    private protected override async Task<VendorHarness> StartHarnessAsync() => await TandemHarness.StartAsync(Audit);
}
