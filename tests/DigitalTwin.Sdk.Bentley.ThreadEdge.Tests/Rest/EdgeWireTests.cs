using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests.Rest;

/// <summary>
/// Every request of the doc ("iTwin IoT Edge REST API") as the declared endpoints (Refit) put it on the wire: method,
/// path and query as literal text, body, <c>Content-Type</c>, buffered length, <c>Accept</c>, whether the pipeline may
/// repeat it, and the telemetry operation name.
/// </summary>
public sealed class EdgeWireTests
{
    public static TheoryData<string, string, string, string?> DocumentedRequests() => new()
    {
        // name, method, path and query, body as the doc shows it (null = no body)
        { "serialNumber", "GET", "/api/serialNumber", null },
        { "time", "GET", "/api/time", null },
        { "setTime", "POST", "/api/time", """{"time":"2019-11-19T15:41:30.000Z"}""" },
        { "timeAccurate", "GET", "/api/timeAccurate", null },
        { "chargeInputVoltage", "GET", "/api/chargeInputVoltage", null },
        { "chargeInputCurrent", "GET", "/api/chargeInputCurrent", null },
        { "batteryVoltage", "GET", "/api/batteryVoltage", null },
        { "stateOfCharge", "GET", "/api/stateOfCharge", null },
        { "batterySaver", "GET", "/api/batterySaver", null },
        { "setBatterySaver", "PUT", "/api/batterySaver", """{ "value": true, "low": 20, "high": 80}""" },
        { "setBatterySaverExample", "PUT", "/api/batterySaver", """{"value" : true, "low": 10, "high": 100}""" },
        { "deviceAdcRead", "GET", "/api/deviceAdcRead?port=1&option=0", null },
        { "deviceVoltage", "POST", "/api/deviceVoltage", """{ "portNumber": 1, "value": 1}""" },
        { "sleep", "POST", "/api/sleep", """{"duration":10000}""" },
        { "tempRead", "GET", "/api/tempRead", null },
        { "pressRead", "GET", "/api/pressRead", null },
        { "deviceAdcRead420", "GET", "/api/deviceAdcRead420?port=1", null },
        { "deviceRsSel", "POST", "/api/deviceRsSel", """{ "portNumber": 1, "content": "RS232"}""" },
        { "observation", "POST", "/api/observation", null },
        { "configure", "GET", "/api/configure?port=1", null },
        { "setConfigure", "PUT", "/api/configure?port=1", """{ "COMM_TYPE": "USB", "PORT": 1212, "HOST": "192.168.254.3"}""" },
        { "setConfigureExample", "PUT", "/api/configure?port=1", """{"COMM_TYPE" : "RS232", "BAUD_RATE" : 9600, "DELIMITERS_HEX" : ["0D0A"], "PORT" : 1234, "HOST" : "127.0.0.1"}""" },
        { "deleteConfigure1", "DELETE", "/api/configure?port=1", """{"resources" : ["DELIMITERS_HEX"] }""" },
        { "deleteConfigure2", "DELETE", "/api/configure?port=1", """{"resources" : ["HOST", "PORT"] }""" },
        { "interfacePriority", "GET", "/api/interfacePriority", null },
        { "cellular", "PUT", "/api/interfacePriority/cellular", null },
        { "ethernet", "PUT", "/api/interfacePriority/ethernet", null },
        { "message", "POST", "/api/message", """{"portNumber" : 1, "message" : "hello world"}""" },
        { "version", "GET", "/api/version", null },
        { "firmware", "GET", "/api/firmware", null },
        { "hardware", "GET", "/api/hardware", null },
        { "updateLatest", "POST", "/api/update", null },
        { "updateVersion", "POST", "/api/update?version=7.18.0", null },
        { "updateFile", "POST", "/api/update?file=/tmp/snoopy-1.2.3.jar", null },
        { "ledRed", "POST", "/api/accessible", """{ "value": "false"}""" },
        { "ledGreen", "POST", "/api/accessible", """{ "value": "true"}""" },
        { "cloudConnection", "GET", "/api/cloudConnection", null },
        { "cloudOff", "PUT", "/api/cloudConnection", """{ "value": "false"}""" },
        { "cloudOn", "PUT", "/api/cloudConnection", """{ "value": "true"}""" },
        { "deviceConnection", "GET", "/api/deviceConnection?port=2", null },
        { "deviceConnectionOff", "PUT", "/api/deviceConnection?port=3", """{ "value": false}""" },
        { "deviceConnectionOn", "PUT", "/api/deviceConnection?port=3", """{ "value": true}""" },
    };

    [Theory]
    [MemberData(nameof(DocumentedRequests))]
    public async Task Endpoint_DocumentedRequest_IsSentAsTheDocShows(string name, string method, string pathAndQuery, string? body)
    {
        var sent = await SendAsync(name);

        Assert.Equal(method, sent.Method);
        Assert.Equal(pathAndQuery, sent.PathAndQuery);
        Assert.Equal("application/json", sent.Accept);
        if (body is null)
        {
            // No body on the wire: Refit gives a bodiless POST/PUT an empty content, which goes out exactly like no
            // content (Content-Length: 0, no Content-Type).
            Assert.True(string.IsNullOrEmpty(sent.Body), $"{name}: expected no body but sent {sent.Body}");
            Assert.Null(sent.ContentType);
            Assert.True(sent.ContentLength is null or 0, $"{name}: Content-Length {sent.ContentLength}");
            return;
        }

        Assert.NotNull(sent.Body);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(sent.Body)), $"{name}: expected {body} but sent {sent.Body}");
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(Encoding.UTF8.GetByteCount(sent.Body), sent.ContentLength);
    }

    [Fact]
    public async Task UpdateBatterySaverAsync_TrueAlone_SendsValueOnly()
    {
        Assert.Equal("""{"value":true}""", (await SendAsync(c => c.Power.UpdateBatterySaverAsync(true))).Body);
    }

    [Fact]
    public async Task UpdateTimeAsync_NonUtcOffset_IsSentInUtc()
    {
        var sent = await SendAsync(c => c.Device.UpdateTimeAsync(new DateTimeOffset(2019, 11, 19, 16, 41, 30, 123, TimeSpan.FromHours(1))));
        Assert.Equal("""{"time":"2019-11-19T15:41:30.123Z"}""", sent.Body);
    }

    [Fact]
    public async Task UpdateSoftwareAsync_FileWithSpace_IsEscapedButKeepsSlashes()
    {
        var sent = await SendAsync(c => c.Device.UpdateSoftwareAsync(UpdateSource.FromLocalFile("/tmp/my app-1.0.0.jar")));
        Assert.Equal("/api/update?file=/tmp/my%20app-1.0.0.jar", sent.PathAndQuery);
    }

    [Theory]
    [InlineData("/tmp/a&b.jar", "/api/update?file=/tmp/a%26b.jar")]
    [InlineData("/tmp/a#1.jar", "/api/update?file=/tmp/a%231.jar")]
    [InlineData("/tmp/a+b=c%.jar", "/api/update?file=/tmp/a%2Bb%3Dc%25.jar")]
    public async Task UpdateSoftwareAsync_FileWithQuerySyntax_IsEscapedSoTheDeviceReadsOneValue(string file, string expected)
    {
        var sent = await SendAsync(c => c.Device.UpdateSoftwareAsync(UpdateSource.FromLocalFile(file)));
        Assert.Equal(expected, sent.PathAndQuery);
    }

    [Fact]
    public async Task SleepAsync_FractionalMilliseconds_AreRounded()
    {
        Assert.Equal("""{"duration":2}""", (await SendAsync(c => c.Device.SleepAsync(TimeSpan.FromMilliseconds(1.6)))).Body);
    }

    [Fact]
    public async Task DeleteConfigurationAsync_Duplicates_AreSentOnce()
    {
        var sent = await SendAsync(c => c.Ports.DeleteConfigurationAsync(2, [PortConfigurationProperty.Host, PortConfigurationProperty.Host]));
        Assert.Equal("""{"resources":["HOST"]}""", sent.Body);
    }

    [Theory]
    [InlineData("observation", false)]
    [InlineData("sleep", false)]
    [InlineData("message", false)]
    [InlineData("updateLatest", false)]
    [InlineData("setTime", true)]
    [InlineData("deviceVoltage", true)]
    [InlineData("deviceRsSel", true)]
    [InlineData("ledGreen", true)]
    public async Task Post_OnlyAbsoluteStateIsDeclaredSafeToRepeat(string name, bool idempotent)
    {
        Assert.Equal(idempotent, (await SendAsync(name)).Idempotent);
    }

    [Fact]
    public async Task Endpoint_NamesTheOperationForTelemetry()
    {
        Assert.Equal("SetPortMode", (await SendAsync("deviceRsSel")).Operation);
        Assert.Equal("GetSerialNumber", (await SendAsync("serialNumber")).Operation);
    }

    [Fact]
    public async Task Endpoint_BaseUrlWithPath_KeepsThePath()
    {
        var handler = new RecordingHandler();
        using var transport = new HttpClient(handler);
        using var client = new ThreadEdgeClient(new ThreadEdgeOptions { BaseUrl = new Uri("http://localhost/thread-7/"), HardwareVersion = "V12" }, transport);

        await client.Device.GetSerialNumberAsync();

        Assert.Equal("/thread-7/api/serialNumber", handler.Sent!.PathAndQuery);
    }

    private static Task<Sent> SendAsync(string name) => SendAsync(client => Call(client, name));

    private static async Task<Sent> SendAsync(Func<ThreadEdgeClient, Task> call)
    {
        var handler = new RecordingHandler();
        using var transport = new HttpClient(handler);
        using var client = new ThreadEdgeClient(new ThreadEdgeOptions { HardwareVersion = "V12" }, transport);
        await call(client);
        return handler.Sent ?? throw new InvalidOperationException("Nothing was sent.");
    }

    private static Task Call(ThreadEdgeClient c, string name) => name switch
    {
        "serialNumber" => c.Device.GetSerialNumberAsync(),
        "time" => c.Device.GetTimeAsync(),
        "setTime" => c.Device.UpdateTimeAsync(new DateTimeOffset(2019, 11, 19, 15, 41, 30, TimeSpan.Zero)),
        "timeAccurate" => c.Device.GetTimeAccurateAsync(),
        "chargeInputVoltage" => c.Power.GetChargeInputVoltageAsync(),
        "chargeInputCurrent" => c.Power.GetChargeInputCurrentAsync(),
        "batteryVoltage" => c.Power.GetBatteryVoltageAsync(),
        "stateOfCharge" => c.Power.GetStateOfChargeAsync(),
        "batterySaver" => c.Power.GetBatterySaverAsync(),
        "setBatterySaver" => c.Power.UpdateBatterySaverAsync(true, 20, 80),
        "setBatterySaverExample" => c.Power.UpdateBatterySaverAsync(true, 10, 100),
        "deviceAdcRead" => c.Ports.GetAdcReadingAsync(1, AdcReadOption.Voltage),
        "deviceVoltage" => c.Ports.UpdateVoltageAsync(1, PortVoltage.Volts12),
        "sleep" => c.Device.SleepAsync(TimeSpan.FromSeconds(10)),
        "tempRead" => c.Device.GetTemperatureAsync(),
        "pressRead" => c.Device.GetPressureAsync(),
        "deviceAdcRead420" => c.Ports.GetLoopCurrentAsync(1),
        "deviceRsSel" => c.Ports.UpdateModeAsync(1, PortMode.Rs232),
        "observation" => c.Device.FlashLedAsync(),
        "configure" => c.Ports.GetConfigurationAsync(1),
        "setConfigure" => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { CommType = CommType.Usb, Port = 1212, Host = "192.168.254.3" }),
        "setConfigureExample" => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { CommType = CommType.Rs232, BaudRate = 9600, DelimitersHex = ["0D0A"], Port = 1234, Host = "127.0.0.1" }),
        "deleteConfigure1" => c.Ports.DeleteConfigurationAsync(1, [PortConfigurationProperty.DelimitersHex]),
        "deleteConfigure2" => c.Ports.DeleteConfigurationAsync(1, [PortConfigurationProperty.Host, PortConfigurationProperty.Port]),
        "interfacePriority" => c.Network.GetInterfacePriorityAsync(),
        "cellular" => c.Network.UpdateInterfacePriorityAsync(PreferredInterface.Cellular),
        "ethernet" => c.Network.UpdateInterfacePriorityAsync(PreferredInterface.Ethernet),
        "message" => c.Ports.SendMessageAsync(1, "hello world"),
        "version" => c.Device.GetApplicationVersionAsync(),
        "firmware" => c.Device.GetFirmwareVersionAsync(),
        "hardware" => c.Device.GetHardwareVersionAsync(),
        "updateLatest" => c.Device.UpdateSoftwareAsync(UpdateSource.Latest),
        "updateVersion" => c.Device.UpdateSoftwareAsync(UpdateSource.FromVersion("7.18.0")),
        "updateFile" => c.Device.UpdateSoftwareAsync(UpdateSource.FromLocalFile("/tmp/snoopy-1.2.3.jar")),
        "ledRed" => c.Device.UpdateLedAsync(false),
        "ledGreen" => c.Device.UpdateLedAsync(true),
        "cloudConnection" => c.Network.GetCloudConnectionAsync(),
        "cloudOff" => c.Network.UpdateCloudConnectionAsync(false),
        "cloudOn" => c.Network.UpdateCloudConnectionAsync(true),
        "deviceConnection" => c.Ports.GetConnectionAsync(2),
        "deviceConnectionOff" => c.Ports.UpdateConnectionAsync(3, false),
        "deviceConnectionOn" => c.Ports.UpdateConnectionAsync(3, true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private sealed record Sent(string Method, string PathAndQuery, string? Accept, string? ContentType, long? ContentLength, string? Body, bool Idempotent, string? Operation);

    /// <summary>Records the one request sent and answers with a body every reader of the client accepts.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public Sent? Sent { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Sent = new Sent(
                request.Method.Method,
                request.RequestUri!.PathAndQuery,
                string.Join(",", request.Headers.Accept),
                request.Content?.Headers.ContentType?.ToString(),
                request.Content?.Headers.ContentLength,
                body,
                request.Options.TryGetValue(new HttpRequestOptionsKey<bool>(DigitalTwinRequestOptions.IdempotentName), out var idempotent) && idempotent,
                request.Options.TryGetValue(new HttpRequestOptionsKey<string>(DigitalTwinRequestOptions.OperationName), out var operation) ? operation : null);
            var answer = request.RequestUri.AbsolutePath switch
            {
                "/api/time" => """{"time":"2019-11-19T15:41:30.000Z"}""",
                "/api/batterySaver" => """{"value":true,"low":10,"high":100}""",
                "/api/interfacePriority" => """{"content":"eth0"}""",
                "/api/configure" => """{"COMM_TYPE":"RS232"}""",
                "/api/timeAccurate" or "/api/cloudConnection" or "/api/deviceConnection" => """{"value":true}""",
                _ => """{"value":"1"}""",
            };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json"), RequestMessage = request };
        }
    }
}
