using System.Net;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.BuildingX;

namespace DigitalTwin.Sdk.Testing.Tests.BuildingX;

public sealed class BuildingXEmulatorWriteTests : IAsyncLifetime
{
    private BuildingXEmulator _emulator = null!;
    private BuildingXTestClient _client = null!;

    private string Devices => $"partitions/{_emulator.DocumentedPartitionId}/devices";

    public async Task InitializeAsync() => (_emulator, _client) = await BuildingXTestClient.StartAsync(new BuildingXEmulatorOptions { RequestsPerSecond = 0 });

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Create_ServerId_Is201WithLocationAndResource()
    {
        var (response, body) = await _client.SendAsync(HttpMethod.Post, Devices, Device(null, "Boiler", "777"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = body!["data"]!["id"]!.GetValue<string>();
        Assert.EndsWith("/devices/" + id, response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var fetched = await _client.GetOkAsync(response.Headers.Location!.ToString());
        Assert.Equal("Boiler", fetched["data"]!["attributes"]!["name"]!.GetValue<string>());
        Assert.Equal("777", (await _client.GetOkAsync($"{Devices}/{id}"))["data"]!["attributes"]!["serialNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ClientGeneratedId_Is204_AndAgainIs409()
    {
        var id = Guid.NewGuid().ToString();

        var (first, firstBody) = await _client.SendAsync(HttpMethod.Post, Devices, Device(id, "Chiller", "1"));
        var (second, secondBody) = await _client.SendAsync(HttpMethod.Post, Devices, Device(id, "Chiller", "1"));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Null(firstBody);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("409", secondBody!["errors"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WrongType_Is409()
    {
        var body = Device(null, "x", "1");
        body["data"]!["type"] = "Point";

        var (response, _) = await _client.SendAsync(HttpMethod.Post, Devices, body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Create_MissingMandatoryProperties_Is400WithOneDocumentedErrorObjectEach()
    {
        var body = new JsonObject { ["data"] = new JsonObject { ["type"] = "Device", ["attributes"] = new JsonObject() } };

        var (response, errors) = await _client.SendAsync(HttpMethod.Post, Devices, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var list = errors!["errors"]!.AsArray();
        Assert.Equal(2, list.Count);
        Assert.Equal("34-0001", list[0]!["code"]!.GetValue<string>());
        Assert.Equal("Missing mandatory property 'name'", list[0]!["title"]!.GetValue<string>());
        Assert.Equal("Missing mandatory property 'serialNumber'", list[1]!["title"]!.GetValue<string>());
        Assert.Equal("/data/attributes/name", list[0]!["source"]!["pointer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithCharsetParameter_Is415()
    {
        var (response, _) = await _client.SendAsync(HttpMethod.Post, Devices, Device(null, "x", "1"), "application/vnd.api+json; charset=utf-8");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Update_MatchingTypeAndId_Is200WithMergedAttributes_MismatchIs409()
    {
        var id = _emulator.StandaloneDeviceIds[0];
        var patch = new JsonObject { ["data"] = new JsonObject { ["type"] = "Device", ["id"] = id, ["attributes"] = new JsonObject { ["name"] = "Renamed" } } };
        var wrong = new JsonObject { ["data"] = new JsonObject { ["type"] = "Device", ["id"] = "other", ["attributes"] = new JsonObject() } };

        var (ok, body) = await _client.SendAsync(HttpMethod.Patch, $"{Devices}/{id}", patch);
        var (conflict, _) = await _client.SendAsync(HttpMethod.Patch, $"{Devices}/{id}", wrong);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Renamed", body!["data"]!["attributes"]!["name"]!.GetValue<string>());
        Assert.NotNull(body["data"]!["attributes"]!["serialNumber"]);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task Delete_Is204_ThenGetIs404()
    {
        var id = _emulator.StandaloneDeviceIds[1];

        var (deleted, _) = await _client.SendAsync(HttpMethod.Delete, $"{Devices}/{id}");
        var (gone, _) = await _client.GetAsync($"{Devices}/{id}");
        var (again, _) = await _client.SendAsync(HttpMethod.Delete, $"{Devices}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task CommandPointValue_Is202Accepted()
    {
        var points = await _client.GetOkAsync($"{Devices}/{_emulator.StandaloneDeviceIds[0]}/points?filter[name]=Setpoint");
        var pointId = points["data"]![0]!["id"]!.GetValue<string>();
        var command = new JsonObject { ["data"] = new JsonObject { ["type"] = "PointValue", ["attributes"] = new JsonObject { ["value"] = 22.5 } } };

        var (response, body) = await _client.SendAsync(HttpMethod.Post, $"partitions/{_emulator.DocumentedPartitionId}/points/{pointId}/values", command);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("pending", body!["meta"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchPointValue_IsThePresentValueReadWithFieldPoint()
    {
        // CloudlineSolutions point.go commands a point with PATCH points/{id} and attributes.pointValue.value.
        var points = await _client.GetOkAsync($"{Devices}/{_emulator.StandaloneDeviceIds[0]}/points?filter[name]=Setpoint");
        var pointId = points["data"]![0]!["id"]!.GetValue<string>();
        var point = $"partitions/{_emulator.DocumentedPartitionId}/points/{pointId}";
        var patch = new JsonObject { ["data"] = new JsonObject { ["type"] = "Point", ["id"] = pointId, ["attributes"] = new JsonObject { ["pointValue"] = new JsonObject { ["value"] = "23.5" } } } };

        var (response, _) = await _client.SendAsync(HttpMethod.Patch, point + "?field[Point]=pointValue", patch);
        var plain = await _client.GetOkAsync(point);
        var withValue = await _client.GetOkAsync(point + "?field[Point]=pointValue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(plain["data"]!["attributes"]!["pointValue"]);
        Assert.Equal("23.5", withValue["data"]!["attributes"]!["pointValue"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnsupportedMethod_Is405()
    {
        var (response, _) = await _client.SendAsync(HttpMethod.Put, $"{Devices}/{_emulator.StandaloneDeviceIds[0]}", new JsonObject());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static JsonObject Device(string? id, string name, string serial)
    {
        var data = new JsonObject { ["type"] = "Device", ["attributes"] = new JsonObject { ["name"] = name, ["serialNumber"] = serial } };
        if (id is not null)
        {
            data["id"] = id;
        }

        return new JsonObject { ["data"] = data };
    }
}
