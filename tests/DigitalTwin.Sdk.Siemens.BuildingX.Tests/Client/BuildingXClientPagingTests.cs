using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.Testing.Faults;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

public sealed class BuildingXClientPagingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetDevices_FollowsRelativeOrAbsoluteNextLinksUntilAbsent(bool absoluteLinks)
    {
        await using var context = await BuildingXTestContext.StartAsync(new BuildingXEmulatorOptions { AbsoluteLinks = absoluteLinks });

        var pages = new List<int>();
        var ids = new List<string>();
        await foreach (var page in context.Client.Devices.GetDevicesAsync(context.Partition, new JsonApiQuery().PageLimit(3)).AsPages())
        {
            pages.Add(page.Values.Count);
            ids.AddRange(page.Values.Select(d => d.Id!));
            Assert.NotNull(page.RequestId);
        }

        Assert.Equal([3, 3, 3, 1], pages);
        Assert.Equal(10, ids.Distinct().Count());
        Assert.Equal(4, context.Emulator.Requests.ForPath($"{BuildingXEmulator.ApiBasePath}/partitions/{context.Partition}/devices").Count);
    }

    [Fact]
    public async Task GetDevices_IncludeAndFields_AreKeptOnEveryPageAlthoughNextLinksDropThem()
    {
        await using var context = await BuildingXTestContext.StartAsync();
        var query = new JsonApiQuery().Include("hasFeatures.DeviceInfo").Fields("Device", "name", "hasFeatures").PageLimit(4);

        var devices = await context.Client.Devices.GetDevicesAsync(context.Partition, query).ToListAsync();

        Assert.Equal(10, devices.Count);
        Assert.All(devices, d =>
        {
            Assert.Equal("Siemens", d.GetDeviceInfo()?.Attributes?.Manufacturer);
            Assert.Null(d.Attributes!.SerialNumber);
        });
        var requests = context.Emulator.Requests.ForPath($"{BuildingXEmulator.ApiBasePath}/partitions/{context.Partition}/devices");
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r =>
        {
            var decoded = Uri.UnescapeDataString(r.QueryString);
            Assert.Contains("include=hasFeatures.DeviceInfo", decoded, StringComparison.Ordinal);
            Assert.Contains("fields[Device]=name,hasFeatures", decoded, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AsPages_PageSizeHintAndContinuationToken_ResumeAtThatPage()
    {
        await using var context = await BuildingXTestContext.StartAsync();
        var pageable = context.Client.Devices.GetDevicesAsync(context.Partition);

        var first = await pageable.AsPages(pageSizeHint: 6).FirstAsync();
        var rest = await pageable.AsPages(first.ContinuationToken, 6).ToListAsync();

        Assert.Equal(6, first.Values.Count);
        Assert.Equal(4, Assert.Single(rest).Values.Count);
        Assert.Throws<ArgumentException>(() => pageable.AsPages("https://evil.example.com/x").GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());
    }

    [Fact]
    public async Task NextLinkOnAnotherOrigin_IsRefusedAndNotFollowed()
    {
        await using var context = await BuildingXTestContext.StartAsync();
        var path = $"{BuildingXEmulator.ApiBasePath}/partitions/{context.Partition}/devices";
        var foreign = """{"data":[{"type":"Device","id":"d1","attributes":{"name":"x"}}],"links":{"self":"/operations/x","next":"https://evil.example.com/api/openness/operations/partitions/p/devices?page[cursor]=abc"}}""";
        context.Emulator.Faults.Add(Fault.Status(200, foreign, "application/vnd.api+json").WithHeader("X-Request-Id", "req-foreign"), pathPrefix: path);
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(async () =>
        {
            await foreach (var device in context.Client.Devices.GetDevicesAsync(context.Partition))
            {
                seen.Add(device.Id!);
            }
        });

        Assert.Empty(seen);
        Assert.Equal("req-foreign", error.RequestId);
        Assert.Contains("next link", error.Message, StringComparison.Ordinal);
        Assert.Single(context.Emulator.Requests.ForPath(path));
    }

    [Fact]
    public async Task ChildDevices_GatewayHasThree_OthersAreEmptyNotAnError()
    {
        await using var context = await BuildingXTestContext.StartAsync();

        var children = await context.Client.Devices.GetChildDevicesAsync(context.Partition, context.Emulator.GatewayDeviceIds[0]).ToListAsync();
        var none = await context.Client.Devices.GetChildDevicesAsync(context.Partition, context.Emulator.StandaloneDeviceIds[0]).ToListAsync();

        Assert.Equal(3, children.Count);
        Assert.Empty(none);
        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => context.Client.Devices.GetDeviceAsync(context.Partition, "no-such-device"));
    }

    [Fact]
    public async Task ChildDevices_NotFound_IsATypedErrorNeverAnEmptyList()
    {
        // Issue 14, point 8: the client used to read a 404 here as "no children" and returned an empty list.
        await using var context = await BuildingXTestContext.StartAsync();
        var otherPartition = context.Emulator.PartitionIds[1];

        var wrongPartition = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => context.Client.Devices.GetChildDevicesAsync(otherPartition, context.Emulator.GatewayDeviceIds[0]).ToListAsync().AsTask());
        var unknown = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => context.Client.Devices.GetChildDevicesAsync(context.Partition, "no-such-device").ToListAsync().AsTask());

        Assert.Equal(404, (int)wrongPartition.StatusCode);
        Assert.NotNull(unknown.RequestId);
        Assert.All(context.Emulator.Requests.Snapshot().Where(r => r.Path.Contains("/devices/", StringComparison.Ordinal)), r => Assert.Contains("/partitions/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Emulator_UnNestedDeviceAndPointPaths_Are404()
    {
        // Issue 14, point 8: devices/{id}, devices/{id}/devices, devices/{id}/points, points/{id} and points/{id}/values
        // exist only under partitions/{partitionId}/.
        await using var context = await BuildingXTestContext.StartAsync();
        var device = context.Emulator.GatewayDeviceIds[0];
        var point = (await context.Client.Points.GetPointsAsync(context.Partition, device).ToListAsync())[0].Id!;
        var resources = context.Client.Resources;

        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => resources.GetResourceAsync($"devices/{device}"));
        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => resources.GetResourcesAsync($"devices/{device}/devices").ToListAsync().AsTask());
        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => resources.GetResourcesAsync($"devices/{device}/points").ToListAsync().AsTask());
        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => resources.GetResourceAsync($"points/{point}"));
        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => resources.GetResourcesAsync($"points/{point}/values", new JsonApiQuery().Filter("timestamp", "from", DateTimeOffset.UnixEpoch)).ToListAsync().AsTask());
        await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => resources.GetResourcesAsync("partitions").ToListAsync().AsTask());
    }

    [Fact]
    public async Task PointValues_WithoutFrom_Are400AndFieldNeedsAType()
    {
        // Issue 14, point 9: filter[timestamp][from] is required; extra fields are field[<Type>]=<name>.
        await using var context = await BuildingXTestContext.StartAsync();
        var point = (await context.Client.Points.GetPointsAsync(context.Partition, context.Emulator.GatewayDeviceIds[0]).ToListAsync())[0].Id!;
        var resources = context.Client.Resources;

        var noFrom = await Assert.ThrowsAsync<DigitalTwinApiException>(() => resources.GetResourcesAsync($"partitions/{context.Partition}/points/{point}/values").ToListAsync().AsTask());
        var bareField = await Assert.ThrowsAsync<DigitalTwinApiException>(() => resources.GetResourceAsync($"partitions/{context.Partition}/points/{point}", new JsonApiQuery().Parameter("field", "pointValue")));
        var values = await context.Client.Points.GetPointValuesAsync(context.Partition, point, DateTimeOffset.UtcNow.AddHours(-1)).ToListAsync();

        Assert.Equal(400, (int)noFrom.StatusCode);
        Assert.Equal("filter[timestamp][from]", noFrom.Errors[0].SourceParameter);
        Assert.Equal(400, (int)bareField.StatusCode);
        Assert.NotEmpty(values);
        Assert.Contains(context.Emulator.Requests.Snapshot(), r => r.Path.EndsWith("/values", StringComparison.Ordinal) && r.QueryString.Contains("filter[timestamp][from]=", StringComparison.Ordinal));
    }
}
