using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ThreadEdge;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Testing.Tests.ThreadEdge;

public sealed class ThreadEdgeEmulatorRestTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private ThreadEdgeEmulator _emu = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emu = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { TimeProvider = _clock });
        _http = new HttpClient { BaseAddress = _emu.BaseUri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emu.DisposeAsync();
    }

    [Fact]
    public async Task SerialNumber_Get_ReturnsSixHexCharactersFromSeed()
    {
        var body = await GetObjectAsync("api/serialNumber");
        var serial = body["value"]!.GetValue<string>();
        Assert.Matches("^[0-9A-F]{6}$", serial);
        Assert.Equal(_emu.SerialNumber, serial);

        await using var other = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { Seed = 42 });
        Assert.Equal(_emu.SerialNumber, other.SerialNumber);
    }

    [Fact]
    public async Task Time_PostThenGet_RunsFromTheNewTimeAndResynchronises()
    {
        Assert.True((await GetObjectAsync("api/timeAccurate"))["value"]!.GetValue<bool>());
        using var response = await SendAsync(HttpMethod.Post, "api/time", """{"time":"2019-11-19T15:41:30.000Z"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await GetObjectAsync("api/timeAccurate"))["value"]!.GetValue<bool>());

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("2019-11-19T15:41:32.000Z", (await GetObjectAsync("api/time"))["time"]!.GetValue<string>());
        Assert.True((await GetObjectAsync("api/timeAccurate"))["value"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"time":"yesterday"}""")]
    [InlineData("""{"time":12}""")]
    [InlineData("""{}""")]
    [InlineData("not json")]
    public async Task Time_PostInvalid_Returns400(string body)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/time", body);
        await AssertBadRequestAsync(response);
    }

    [Theory]
    [InlineData("api/chargeInputVoltage")]
    [InlineData("api/chargeInputCurrent")]
    [InlineData("api/batteryVoltage")]
    [InlineData("api/stateOfCharge")]
    [InlineData("api/tempRead")]
    [InlineData("api/pressRead")]
    public async Task Measurements_Get_ReturnValueNumber(string path)
    {
        var body = await GetObjectAsync(path);
        Assert.True(body["value"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task PressRead_V11Hardware_ReportsHectopascals()
    {
        await using var v11 = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { HardwareVersion = "V11" });
        using var http = new HttpClient { BaseAddress = v11.BaseUri };
        var hpa = JsonNode.Parse(await http.GetStringAsync(new Uri("api/pressRead", UriKind.Relative)))!["value"]!.GetValue<double>();
        var dapa = (await GetObjectAsync("api/pressRead"))["value"]!.GetValue<double>();
        Assert.Equal(v11.AtmosphericPressurePascals / 100, hpa, 3);
        Assert.Equal(_emu.AtmosphericPressurePascals / 10, dapa, 3);
    }

    [Fact]
    public async Task BatterySaver_DefaultGet_MatchesDocExample()
    {
        var body = await GetObjectAsync("api/batterySaver");
        Assert.Equal("""{"value":false,"low":0,"high":100}""", body.ToJsonString());
    }

    [Fact]
    public async Task BatterySaver_PutLowHigh_IsStored()
    {
        using var response = await SendAsync(HttpMethod.Put, "api/batterySaver", """{ "value": true, "low": 20, "high": 80}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((true, 20, 80), _emu.BatterySaver);
        Assert.Equal("""{"value":true,"low":20,"high":80}""", (await GetObjectAsync("api/batterySaver")).ToJsonString());
    }

    [Fact]
    public async Task BatterySaver_PutTrueAlone_Sets10And100()
    {
        using var response = await SendAsync(HttpMethod.Put, "api/batterySaver", """{"value":true}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((true, 10, 100), _emu.BatterySaver);
    }

    [Theory]
    [InlineData("""{"value":true,"low":20}""")]
    [InlineData("""{"value":true,"high":80}""")]
    [InlineData("""{"value":true,"low":41,"high":80}""")]
    [InlineData("""{"value":true,"low":-1,"high":80}""")]
    [InlineData("""{"value":true,"low":20,"high":59}""")]
    [InlineData("""{"value":true,"low":20,"high":101}""")]
    [InlineData("""{"low":20,"high":80}""")]
    [InlineData("""{"value":"yes"}""")]
    public async Task BatterySaver_PutInvalid_Returns400AndKeepsState(string body)
    {
        using var response = await SendAsync(HttpMethod.Put, "api/batterySaver", body);
        await AssertBadRequestAsync(response);
        Assert.Equal((false, 0, 100), _emu.BatterySaver);
    }

    [Fact]
    public async Task DeviceVoltage_Post_ChangesAdcVoltageReading()
    {
        Assert.True((await GetObjectAsync("api/deviceAdcRead?port=1&option=0"))["value"]!.GetValue<double>() < 1);
        using var response = await SendAsync(HttpMethod.Post, "api/deviceVoltage", """{ "portNumber": 1, "value": 2}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _emu.Port(1).VoltageCode);
        Assert.InRange((await GetObjectAsync("api/deviceAdcRead?port=1&option=0"))["value"]!.GetValue<double>(), 14.5, 15.5);
        Assert.True((await GetObjectAsync("api/deviceAdcRead?port=1&option=1"))["value"]!.GetValue<double>() > 0);
    }

    [Theory]
    [InlineData("api/deviceAdcRead?port=0&option=0")]
    [InlineData("api/deviceAdcRead?port=4&option=0")]
    [InlineData("api/deviceAdcRead?option=0")]
    [InlineData("api/deviceAdcRead?port=1&option=2")]
    [InlineData("api/deviceAdcRead?port=1")]
    [InlineData("api/deviceAdcRead420?port=9")]
    [InlineData("api/configure?port=x")]
    [InlineData("api/deviceConnection")]
    public async Task PortQueries_Invalid_Return400(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        await AssertBadRequestAsync(response);
    }

    [Theory]
    [InlineData("""{"portNumber":4,"value":1}""")]
    [InlineData("""{"portNumber":1,"value":3}""")]
    [InlineData("""{"portNumber":"1","value":1}""")]
    [InlineData("""{"value":1}""")]
    public async Task DeviceVoltage_PostInvalid_Returns400(string body)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/deviceVoltage", body);
        await AssertBadRequestAsync(response);
        Assert.Equal(0, _emu.Port(1).VoltageCode);
    }

    [Fact]
    public async Task Sleep_Post_IsRecorded()
    {
        using var ok = await SendAsync(HttpMethod.Post, "api/sleep", """{"duration":10000}""");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var bad = await SendAsync(HttpMethod.Post, "api/sleep", """{"duration":-5}""");
        await AssertBadRequestAsync(bad);
        Assert.Equal([10000L], _emu.Sleeps());
    }

    [Fact]
    public async Task DeviceAdcRead420_Get_ReturnsPortLoopCurrent()
    {
        Assert.Equal(0.0125, (await GetObjectAsync("api/deviceAdcRead420?port=2"))["value"]!.GetValue<double>());
        Assert.Equal(-0.00429, (await GetObjectAsync("api/deviceAdcRead420?port=1"))["value"]!.GetValue<double>());
    }

    [Fact]
    public async Task DeviceRsSel_UsbOnPort1_Accepted_UsbOnPort2_Refused()
    {
        using var ok = await SendAsync(HttpMethod.Post, "api/deviceRsSel", """{ "portNumber": 1, "content": "USB"}""");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("USB", _emu.Port(1).Mode);

        using var bad = await SendAsync(HttpMethod.Post, "api/deviceRsSel", """{ "portNumber": 2, "content": "USB"}""");
        await AssertBadRequestAsync(bad);
        Assert.Equal("RS485", _emu.Port(2).Mode);

        using var unknown = await SendAsync(HttpMethod.Post, "api/deviceRsSel", """{ "portNumber": 3, "content": "CAN"}""");
        await AssertBadRequestAsync(unknown);
    }

    [Fact]
    public async Task Observation_Post_FlashesLed()
    {
        using var response = await _http.PostAsync(new Uri("api/observation", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _emu.LedFlashes);
    }

    [Fact]
    public async Task Configure_PutGetDelete_RoundTrips()
    {
        using var put = await SendAsync(HttpMethod.Put, "api/configure?port=1", """{ "COMM_TYPE": "USB", "PORT": 1212, "HOST": "192.168.254.3"}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var config = await GetObjectAsync("api/configure?port=1");
        Assert.Equal("USB", config["COMM_TYPE"]!.GetValue<string>());
        Assert.Equal(1212, config["PORT"]!.GetValue<int>());
        Assert.Equal(9600, config["BAUD_RATE"]!.GetValue<int>());

        using var delete = await SendAsync(HttpMethod.Delete, "api/configure?port=1", """{"resources" : ["HOST", "PORT"] }""");
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        config = await GetObjectAsync("api/configure?port=1");
        Assert.False(config.ContainsKey("HOST"));
        Assert.False(config.ContainsKey("PORT"));
        Assert.True(config.ContainsKey("COMM_TYPE"));
    }

    [Fact]
    public async Task Configure_PutDocExample_IsAccepted()
    {
        using var put = await SendAsync(HttpMethod.Put, "api/configure?port=2", """
            {
              "COMM_TYPE" : "RS232",
              "BAUD_RATE" : 9600,
              "DELIMITERS_HEX" : ["0D0A"],
              "PORT" : 1234,
              "HOST" : "127.0.0.1"
            }
            """);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal([[0x0D, 0x0A]], _emu.Port(2).Delimiters());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"COMM_TYPE":"ANALOG"}""")]
    [InlineData("""{"BAUD_RATE":0}""")]
    [InlineData("""{"BAUD_RATE":"9600"}""")]
    [InlineData("""{"DATA_BITS":9}""")]
    [InlineData("""{"PARITY_BIT":"odd"}""")]
    [InlineData("""{"DELIMITERS_HEX":"0D0"}""")]
    [InlineData("""{"DELIMITERS_HEX":["ZZ"]}""")]
    [InlineData("""{"DELIMITERS_HEX":[]}""")]
    [InlineData("""{"PORT":70000}""")]
    [InlineData("""{"HOST":"not a host"}""")]
    [InlineData("""{"SPEED":1}""")]
    [InlineData("""{"BAUD_RATE":4800,"DATA_BITS":4}""")]
    public async Task Configure_PutInvalid_Returns400AndLeavesConfiguration(string body)
    {
        var before = _emu.Port(1).ConfigurationJson();
        using var response = await SendAsync(HttpMethod.Put, "api/configure?port=1", body);
        await AssertBadRequestAsync(response);
        Assert.Equal(before, _emu.Port(1).ConfigurationJson());
    }

    [Theory]
    [InlineData("""{"resources":[]}""")]
    [InlineData("""{"resources":["NOPE"]}""")]
    [InlineData("""{"resources":"HOST"}""")]
    [InlineData("")]
    public async Task Configure_DeleteInvalid_Returns400(string body)
    {
        using var response = await SendAsync(HttpMethod.Delete, "api/configure?port=1", body);
        await AssertBadRequestAsync(response);
    }

    [Fact]
    public async Task InterfacePriority_PutCellularThenEthernet_SwitchesRoute()
    {
        Assert.Equal("""{"content":"eth0"}""", (await GetObjectAsync("api/interfacePriority")).ToJsonString());
        using var cellular = await _http.PutAsync(new Uri("api/interfacePriority/cellular", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, cellular.StatusCode);
        Assert.Equal("ppp0", (await GetObjectAsync("api/interfacePriority"))["content"]!.GetValue<string>());
        using var ethernet = await _http.PutAsync(new Uri("api/interfacePriority/ethernet", UriKind.Relative), null);
        Assert.Equal("eth0", _emu.PreferredInterface);
        using var wifi = await _http.PutAsync(new Uri("api/interfacePriority/wifi", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, wifi.StatusCode);
    }

    [Fact]
    public async Task Message_Post_ReachesTheDeviceOnThePort()
    {
        using var response = await SendAsync(HttpMethod.Post, "api/message", """{ "portNumber": "1", "message": "hello world"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello world", Encoding.UTF8.GetString(Assert.Single(_emu.Echo.Received())));

        using var bad = await SendAsync(HttpMethod.Post, "api/message", """{ "portNumber": 5, "message": "x"}""");
        await AssertBadRequestAsync(bad);
        using var noMessage = await SendAsync(HttpMethod.Post, "api/message", """{ "portNumber": 1, "content": "x"}""");
        await AssertBadRequestAsync(noMessage);
    }

    [Fact]
    public async Task Versions_Get_ReturnConfiguredValues()
    {
        Assert.Equal("7.17.2", (await GetObjectAsync("api/version"))["value"]!.GetValue<string>());
        Assert.Equal("4.2.1", (await GetObjectAsync("api/firmware"))["value"]!.GetValue<string>());
        Assert.Equal("V12", (await GetObjectAsync("api/hardware"))["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_LatestVersionAndFile_InstallAndAreLogged()
    {
        using (var latest = await _http.PostAsync(new Uri("api/update", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        }

        Assert.Equal("7.18.0", _emu.ApplicationVersion);
        using (await _http.PostAsync(new Uri("api/update?version=7.19.1", UriKind.Relative), null))
        {
        }

        Assert.Equal("7.19.1", _emu.ApplicationVersion);
        using (await _http.PostAsync(new Uri("api/update?file=/tmp/snoopy-1.2.3.jar", UriKind.Relative), null))
        {
        }

        Assert.Equal("1.2.3", _emu.ApplicationVersion);
        Assert.Equal(["latest", "version:7.19.1", "file:/tmp/snoopy-1.2.3.jar"], _emu.Updates());
    }

    [Theory]
    [InlineData("api/update?version=seven")]
    [InlineData("api/update?version=")]
    [InlineData("api/update?file=tmp/x.jar")]
    [InlineData("api/update?version=7.18.0&file=/tmp/x.jar")]
    public async Task Update_Invalid_Returns400(string path)
    {
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), null);
        await AssertBadRequestAsync(response);
        Assert.Empty(_emu.Updates());
    }

    [Fact]
    public async Task CloudConnectionAndAccessible_DriveTheLed()
    {
        Assert.True((await GetObjectAsync("api/cloudConnection"))["value"]!.GetValue<bool>());
        Assert.Equal(ThreadLedColor.Green, _emu.LedColor);
        using (var off = await SendAsync(HttpMethod.Put, "api/cloudConnection", """{ "value": "false"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        Assert.False((await GetObjectAsync("api/cloudConnection"))["value"]!.GetValue<bool>());
        Assert.Equal(ThreadLedColor.Red, _emu.LedColor);
        using (var green = await SendAsync(HttpMethod.Post, "api/accessible", """{ "value": "true"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, green.StatusCode);
        }

        Assert.Equal(ThreadLedColor.Green, _emu.LedColor);
        using var bad = await SendAsync(HttpMethod.Post, "api/accessible", """{ "value": "green"}""");
        await AssertBadRequestAsync(bad);
    }

    [Fact]
    public async Task DeviceConnection_PutFalse_DisablesPort()
    {
        Assert.True((await GetObjectAsync("api/deviceConnection?port=2"))["value"]!.GetValue<bool>());
        using var put = await SendAsync(HttpMethod.Put, "api/deviceConnection?port=2", """{ "value": false}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.False(_emu.Port(2).ConnectionEnabled);
        Assert.False((await GetObjectAsync("api/deviceConnection?port=2"))["value"]!.GetValue<bool>());
        using var bad = await SendAsync(HttpMethod.Put, "api/deviceConnection?port=4", """{ "value": false}""");
        await AssertBadRequestAsync(bad);
    }

    [Fact]
    public async Task WrongMethod_Returns405()
    {
        using var response = await _http.DeleteAsync(new Uri("api/time", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Faults_Status503_IsInjectedOnce()
    {
        _emu.Faults.Add(Fault.Status(503), "/api/tempRead");
        using var first = await _http.GetAsync(new Uri("api/tempRead", UriKind.Relative));
        using var second = await _http.GetAsync(new Uri("api/tempRead", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _emu.Requests.ForPath("/api/tempRead").Count);
    }

    private async Task<JsonObject> GetObjectAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body) =>
        _http.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            // curl -d sends form content type; the device parses the body as JSON anyway.
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        });

    private static async Task AssertBadRequestAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_request", body["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["message"]!.GetValue<string>()));
    }
}
