using System.Net;
using System.Text.Json;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.TestUtilities;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

public sealed class BuildingXClientErrorTests
{
    [Fact]
    public async Task BadParameter_IsApiExceptionWithErrorObjectAndRequestId()
    {
        await using var context = await BuildingXTestContext.StartAsync();

        var error = await Assert.ThrowsAsync<DigitalTwinApiException>(async () =>
            await context.Client.Devices.GetDevicesAsync(context.Partition, new JsonApiQuery().Filter("color", "red")).ToListAsync());

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("10-0400", error.ErrorCode);
        Assert.Equal("Unsupported filter", error.ErrorTitle);
        var item = Assert.Single(error.Errors);
        Assert.Equal("400", item.Status);
        Assert.Equal("filter[color]", item.SourceParameter);
        Assert.NotNull(error.RequestId);
        Assert.Equal(error.RequestId, item.Id);
        Assert.Contains(error.RequestId!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralErrorObjects_AllLandInTheException()
    {
        await using var context = await BuildingXTestContext.StartAsync();
        var resource = new JsonApiResource<JsonElement> { Type = "Device", Attributes = JsonDocument.Parse("{}").RootElement.Clone() };

        var error = await Assert.ThrowsAsync<DigitalTwinApiException>(() => context.Client.Resources.CreateResourceAsync($"partitions/{context.Partition}/devices", resource));

        Assert.Equal(2, error.Errors.Count);
        Assert.All(error.Errors, e => Assert.Equal("34-0001", e.Code));
        Assert.Equal("Missing mandatory property 'name'", error.Errors[0].Title);
        Assert.Equal("/data/attributes/serialNumber", error.Errors[1].SourcePointer);
    }

    [Fact]
    public async Task MalformedJson_IsInvalidResponseExceptionWithRequestId_NotJsonException()
    {
        await using var context = await BuildingXTestContext.StartAsync();
        context.Emulator.Faults.Add(Fault.MalformedJson().WithHeader("X-Request-Id", "req-broken"), pathPrefix: BuildingXEmulator.ApiBasePath + "/partitions");

        var error = await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(async () =>
            await context.Client.Devices.GetDevicesAsync(context.Partition, new JsonApiQuery().Include("hasLocation")).ToListAsync());

        Assert.Equal("req-broken", error.RequestId);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterRetryAfter()
    {
        var time = new TrackingFakeTimeProvider();
        await using var context = await BuildingXTestContext.StartAsync(new BuildingXEmulatorOptions { TimeProvider = time }, time: time);
        const string body = """{"errors":[{"status":"429","code":"10-0429","title":"Too many requests"}]}""";
        context.Emulator.Faults.Add(Fault.Status(429, body, "application/vnd.api+json").WithRetryAfter(TimeSpan.FromSeconds(1)), pathPrefix: BuildingXEmulator.AccountsBasePath + "/me");
        var path = BuildingXEmulator.AccountsBasePath + "/me/usergroups";
        var retryAt = time.GetUtcNow().AddSeconds(1);

        var call = context.Client.Account.GetUserGroupsAsync().ToListAsync().AsTask();

        // The back-off is a fake-clock timer due at Retry-After; the retry cannot leave before the clock gets there.
        await WaitUntilAsync("the 429 and a back-off due at Retry-After", () => context.Emulator.Requests.ForPath(path).Count == 1 && time.HasPendingTimerDueAt(retryAt));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True(time.HasPendingTimerDueAt(retryAt), "the back-off ended before Retry-After");
        Assert.Single(context.Emulator.Requests.ForPath(path));
        time.Advance(TimeSpan.FromMilliseconds(1));
        var me = await call.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("UserGroup", Assert.Single(me).Type);
        Assert.Equal(2, context.Emulator.Requests.ForPath(path).Count);
    }
}
