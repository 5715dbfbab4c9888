using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using static DigitalTwin.Sdk.Contract.Tests.ThreadEdge.ThreadEdgeContract;

namespace DigitalTwin.Sdk.Contract.Tests.ThreadEdge;

/// <summary>
/// <c>thread.Ports</c> REST endpoints against [IOT-EDGE] (shared/vendor-docs/bentley-itwin-iot-api.txt). The port
/// WebSockets (<c>ws://…/ws/port/N</c>) cannot be stubbed with WireMock; the emulator tests cover them.
/// </summary>
[Trait("Category", "Contract")]
public sealed class PortsContractTests : IDisposable
{
    private readonly ContractServer _server = new();

    public void Dispose() => _server.Dispose();

    // [IOT-EDGE] "GET Device Port Voltage and Current": curl 'http://localhost/api/deviceAdcRead?port=1&option=0'
    // (answer not shown: {"value": …} as the documented readings).
    [Fact]
    public async Task ReadAdcAsync_SendsPortAndOption()
    {
        Stub(_server, "GET", "/api/deviceAdcRead", response: """{"value":12.02}""", query: [("port", "1"), ("option", "0")]);

        Assert.Equal(12.02, await CreateClient(_server).Ports.GetAdcReadingAsync(1, AdcReadOption.Voltage));
        AssertContract(_server);
    }

    // [IOT-EDGE] "POST Device Voltage Output": curl -X POST http://localhost/api/deviceVoltage -d '{ "portNumber": 1, "value": 1}'.
    [Fact]
    public async Task SetVoltageAsync_PostsTheDocumentedBody()
    {
        Stub(_server, "POST", "/api/deviceVoltage", body: """{ "portNumber": 1, "value": 1}""");

        await CreateClient(_server).Ports.UpdateVoltageAsync(1, PortVoltage.Volts12);
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Sensor current": curl -X GET 'http://localhost/api/deviceAdcRead420?port=1'; Response {"value":-0.00429}.
    [Fact]
    public async Task ReadLoopCurrentAsync_ReadsTheDocumentedResponse()
    {
        Stub(_server, "GET", "/api/deviceAdcRead420", response: """{"value":-0.00429}""", query: ("port", "1"));

        Assert.Equal(-0.00429, await CreateClient(_server).Ports.GetLoopCurrentAsync(1));
        AssertContract(_server);
    }

    // [IOT-EDGE] "POST Device Port Mode": curl -X POST http://localhost/api/deviceRsSel -d '{ "portNumber": 1, "content": "RS232"}'.
    [Fact]
    public async Task SetModeAsync_PostsTheDocumentedBody()
    {
        Stub(_server, "POST", "/api/deviceRsSel", body: """{ "portNumber": 1, "content": "RS232"}""");

        await CreateClient(_server).Ports.UpdateModeAsync(1, PortMode.Rs232);
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Device Port Properties": curl -X GET 'http://localhost/api/configure?port=1' (answer not shown: the
    // PUT example body's properties).
    [Fact]
    public async Task GetConfigurationAsync_ReadsThePortProperties()
    {
        Stub(_server, "GET", "/api/configure", response: """
            {
              "COMM_TYPE" : "RS232",
              "BAUD_RATE" : 9600,
              "DELIMITERS_HEX" : ["0D0A"],
              "PORT" : 1234,
              "HOST" : "127.0.0.1"
            }
            """, query: ("port", "1"));

        var configuration = await CreateClient(_server).Ports.GetConfigurationAsync(1);

        Assert.Equal(CommType.Rs232, configuration.CommType);
        Assert.Equal(9600, configuration.BaudRate);
        Assert.Equal(["0D0A"], configuration.DelimitersHex);
        Assert.Equal(1234, configuration.Port);
        Assert.Equal("127.0.0.1", configuration.Host);
        AssertContract(_server);
    }

    // [IOT-EDGE] "PUT Device Port Properties": curl -X PUT 'http://localhost/api/configure?port=1' -H 'Content-Type:
    // application/json' -d '{ "COMM_TYPE": "USB", "PORT": 1212, "HOST": "192.168.254.3"}'.
    [Fact]
    public async Task SetConfigurationAsync_PutsTheDocumentedBody()
    {
        Stub(_server, "PUT", "/api/configure", body: """{ "COMM_TYPE": "USB", "PORT": 1212, "HOST": "192.168.254.3"}""", query: ("port", "1"));

        await CreateClient(_server).Ports.UpdateConfigurationAsync(1, new PortConfiguration { CommType = CommType.Usb, Port = 1212, Host = "192.168.254.3" });
        AssertContract(_server);
    }

    // [IOT-EDGE] "PUT Device Port Properties", Example Body: the five properties with DELIMITERS_HEX as an array.
    [Fact]
    public async Task SetConfigurationAsync_ExampleBody_SendsDelimitersAsArray()
    {
        Stub(_server, "PUT", "/api/configure", body: """
            {
              "COMM_TYPE" : "RS232",
              "BAUD_RATE" : 9600,
              "DELIMITERS_HEX" : ["0D0A"],
              "PORT" : 1234,
              "HOST" : "127.0.0.1"
            }
            """, query: ("port", "2"));

        await CreateClient(_server).Ports.UpdateConfigurationAsync(2, new PortConfiguration
        {
            CommType = CommType.Rs232, BaudRate = 9600, DelimitersHex = ["0D0A"], Port = 1234, Host = "127.0.0.1",
        });
        AssertContract(_server);
    }

    // [IOT-EDGE] "DELETE Device Port Properties": curl -X DELETE 'http://localhost/api/configure?port=1' -d '{"resources" : ["HOST", "PORT"] }'.
    [Fact]
    public async Task RemoveConfigurationAsync_DeletesTheDocumentedBody()
    {
        Stub(_server, "DELETE", "/api/configure", body: """{"resources" : ["HOST", "PORT"] }""", query: ("port", "1"));

        await CreateClient(_server).Ports.DeleteConfigurationAsync(1, [PortConfigurationProperty.Host, PortConfigurationProperty.Port]);
        AssertContract(_server);
    }

    // [IOT-EDGE] "POST Message", Example Body {"portNumber" : 1, "message" : "hello world"} (the model's integer
    // portNumber; the curl line's "1" string and the C++ sample's "content" key disagree with it).
    [Fact]
    public async Task SendMessageAsync_PostsTheExampleBody()
    {
        Stub(_server, "POST", "/api/message", body: """{"portNumber" : 1, "message" : "hello world"}""");

        await CreateClient(_server).Ports.SendMessageAsync(1, "hello world");
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Device Connection": curl 'http://localhost/api/deviceConnection?port=2' (shape not shown).
    [Fact]
    public async Task GetConnectionAsync_SendsPort()
    {
        Stub(_server, "GET", "/api/deviceConnection", response: """{"value":false}""", query: ("port", "2"));

        Assert.False(await CreateClient(_server).Ports.GetConnectionAsync(2));
        AssertContract(_server);
    }

    // [IOT-EDGE] "PUT Device Connection": curl -X PUT 'http://localhost/api/deviceConnection?port=3' -H 'Content-Type:
    // application/json' -d '{ "value": true}' (a JSON boolean here).
    [Fact]
    public async Task SetConnectionAsync_PutsABoolean()
    {
        Stub(_server, "PUT", "/api/deviceConnection", body: """{ "value": true}""", query: ("port", "3"));

        await CreateClient(_server).Ports.UpdateConnectionAsync(3, true);
        AssertContract(_server);
    }
}
