using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using static DigitalTwin.Sdk.Contract.Tests.ThreadEdge.ThreadEdgeContract;

namespace DigitalTwin.Sdk.Contract.Tests.ThreadEdge;

/// <summary>
/// <c>thread.Device</c> against [IOT-EDGE] (shared/vendor-docs/bentley-itwin-iot-api.txt, "iTwin IoT Edge REST API").
/// Answers the doc does not show are marked as such and listed as unverified in docs/wire-conformance.md.
/// </summary>
[Trait("Category", "Contract")]
public sealed class DeviceContractTests : IDisposable
{
    private readonly ContractServer _server = new();

    public void Dispose() => _server.Dispose();

    // [IOT-EDGE] "GET Serial Number": curl http://localhost/api/serialNumber; a 6-character hex string (answer shape
    // not shown: {"value": …} as the documented readings).
    [Fact]
    public async Task GetSerialNumberAsync_GetsSerialNumber()
    {
        Stub(_server, "GET", "/api/serialNumber", response: """{"value":"B6627B"}""");

        Assert.Equal("B6627B", await CreateClient(_server).Device.GetSerialNumberAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Time": curl http://localhost/api/time (answer not shown: the POST body's {"time": …}).
    [Fact]
    public async Task GetTimeAsync_GetsTime()
    {
        Stub(_server, "GET", "/api/time", response: """{"time":"2019-11-19T15:41:30.000Z"}""");

        Assert.Equal(new DateTimeOffset(2019, 11, 19, 15, 41, 30, TimeSpan.Zero), await CreateClient(_server).Device.GetTimeAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "POST Time": curl -X POST http://localhost/api/time -d '{"time":"2019-11-19T15:41:30.000Z"}'.
    [Fact]
    public async Task SetTimeAsync_PostsTheDocumentedBody()
    {
        Stub(_server, "POST", "/api/time", body: """{"time":"2019-11-19T15:41:30.000Z"}""");

        await CreateClient(_server).Device.UpdateTimeAsync(new DateTimeOffset(2019, 11, 19, 16, 41, 30, TimeSpan.FromHours(1)));
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Time Accurate": returns 'true' or 'false' (shape not shown: {"value": true}).
    [Fact]
    public async Task IsTimeAccurateAsync_GetsTimeAccurate()
    {
        Stub(_server, "GET", "/api/timeAccurate", response: """{"value":true}""");

        Assert.True(await CreateClient(_server).Device.GetTimeAccurateAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Device Temperature": curl http://localhost/api/tempRead; Response {"value":36.75}.
    [Fact]
    public async Task GetTemperatureAsync_ReadsTheDocumentedResponse()
    {
        Stub(_server, "GET", "/api/tempRead", response: """{"value":36.75}""");

        Assert.Equal(36.75, await CreateClient(_server).Device.GetTemperatureAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Atmospheric Pressure": Response {"value":101788.50996}; "GET Hardware Version" decides the unit.
    [Fact]
    public async Task GetPressureAsync_AsksTheHardwareVersionThenReadsPressure()
    {
        Stub(_server, "GET", "/api/hardware", response: """{"value":"V12"}""");
        Stub(_server, "GET", "/api/pressRead", response: """{"value":101788.50996}""");

        var pressure = await CreateClient(_server, hardwareVersion: null).Device.GetPressureAsync();

        Assert.Equal(101788.50996, pressure.Value);
        AssertContract(_server);
    }

    // [IOT-EDGE] "POST Device Sleep": curl -X POST http://localhost/api/sleep -d '{"duration":10000}'.
    [Fact]
    public async Task SleepAsync_PostsTheDocumentedBody()
    {
        Stub(_server, "POST", "/api/sleep", body: """{"duration":10000}""");

        await CreateClient(_server).Device.SleepAsync(TimeSpan.FromSeconds(10));
        AssertContract(_server);
    }

    // [IOT-EDGE] "POST LED Flash": curl -X POST http://localhost/api/observation (no body).
    [Fact]
    public async Task FlashLedAsync_PostsObservation()
    {
        Stub(_server, "POST", "/api/observation");

        await CreateClient(_server).Device.FlashLedAsync();
        AssertContract(_server);
    }

    // [IOT-EDGE] "POST LED (Accessible)": -d '{ "value": "true"}' (a string, as written).
    [Fact]
    public async Task SetLedAsync_PostsTheValueAsAString()
    {
        Stub(_server, "POST", "/api/accessible", body: """{ "value": "true"}""");

        await CreateClient(_server).Device.UpdateLedAsync(true);
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Application Version": curl -X GET 'http://localhost/api/version' (answer not shown).
    [Fact]
    public async Task GetApplicationVersionAsync_GetsVersion()
    {
        Stub(_server, "GET", "/api/version", response: """{"value":"7.18.0"}""");

        Assert.Equal("7.18.0", await CreateClient(_server).Device.GetApplicationVersionAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Firmware Version": curl -X GET 'http://localhost/api/firmware' (answer not shown).
    [Fact]
    public async Task GetFirmwareVersionAsync_GetsFirmware()
    {
        Stub(_server, "GET", "/api/firmware", response: """{"value":"2.4.1"}""");

        Assert.Equal("2.4.1", await CreateClient(_server).Device.GetFirmwareVersionAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Hardware Version": curl -X GET 'http://localhost/api/hardware' (answer not shown).
    [Fact]
    public async Task GetHardwareVersionAsync_GetsHardware()
    {
        Stub(_server, "GET", "/api/hardware", response: """{"value":"V11"}""");

        Assert.Equal("V11", await CreateClient(_server).Device.GetHardwareVersionAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "POST Update": the three documented forms: no query, ?version=7.18.0, ?file=/tmp/snoopy-1.2.3.jar.
    [Fact]
    public async Task UpdateAsync_SendsTheThreeDocumentedForms()
    {
        Stub(_server, "POST", "/api/update", query: ("version", "7.18.0"));
        Stub(_server, "POST", "/api/update", query: ("file", "/tmp/snoopy-1.2.3.jar"));
        var client = CreateClient(_server);

        await client.Device.UpdateSoftwareAsync(UpdateSource.FromVersion("7.18.0"));
        await client.Device.UpdateSoftwareAsync(UpdateSource.FromLocalFile("/tmp/snoopy-1.2.3.jar"));
        AssertContract(_server);

        using var latest = new ContractServer();
        Stub(latest, "POST", "/api/update");
        await CreateClient(latest).Device.UpdateSoftwareAsync(UpdateSource.Latest);
        AssertContract(latest);
        Assert.Empty(latest.Server.LogEntries.Single().RequestMessage!.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>());
    }
}
