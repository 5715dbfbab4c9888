using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;
using DigitalTwin.Sdk.Testing.BuildingX;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Rest;

public sealed class DeclaredEndpointTests
{
    [Fact]
    public async Task Paging_DeclaredFirstPageAndNextLinks_CarryTheApisOwnLimiterAndOperation()
    {
        // The first page goes through the Refit interface, the next pages straight through the pipeline: both must take
        // their permit from the API's sliding window (Accounts: another one), never from the client's default limiter.
        await using var emulator = await BuildingXEmulator.StartAsync();
        var seen = new ConcurrentQueue<(string Path, string? Operation, RateLimiter? Limiter)>();
        using var transport = new HttpClient(new Recorder(seen) { InnerHandler = new SocketsHttpHandler() });
        using var client = new BuildingXClient(BuildingXTestContext.OptionsFor(emulator), transport: transport);

        var devices = await client.Devices.GetDevicesAsync(emulator.DocumentedPartitionId, new JsonApiQuery().PageLimit(1)).ToListAsync();
        await client.Account.GetUserGroupsAsync().ToListAsync();

        Assert.True(devices.Count > 1);
        var deviceRequests = seen.Where(r => r.Path.EndsWith("/devices", StringComparison.Ordinal)).ToList();
        Assert.Equal(devices.Count, deviceRequests.Count);
        var operationsLimiter = deviceRequests[0].Limiter;
        Assert.NotNull(operationsLimiter);
        Assert.All(deviceRequests, r => Assert.Same(operationsLimiter, r.Limiter));
        Assert.All(deviceRequests, r => Assert.Equal("GetDevices", r.Operation));
        var groups = Assert.Single(seen, r => r.Path.EndsWith("/me/usergroups", StringComparison.Ordinal));
        Assert.NotNull(groups.Limiter);
        Assert.NotSame(operationsLimiter, groups.Limiter);
        Assert.Equal("GetUserGroups", groups.Operation);
    }

    private sealed class Recorder(ConcurrentQueue<(string, string?, RateLimiter?)> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(DigitalTwinRequestOptions.RateLimiterKey, out var limiter);
            request.Options.TryGetValue(new HttpRequestOptionsKey<string>(DigitalTwinRequestOptions.OperationName), out var operation);
            seen.Enqueue((request.RequestUri!.AbsolutePath, operation, limiter));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
