using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

namespace DigitalTwin.Sdk.Reliability.Tests.Idempotency;

[Trait("Category", "Reliability")]
public sealed class BuildingXIdempotencyTests : IdempotencyContract
{
    private protected override async Task<VendorHarness> StartHarnessAsync() => await BuildingXHarness.StartAsync(Audit);
}
