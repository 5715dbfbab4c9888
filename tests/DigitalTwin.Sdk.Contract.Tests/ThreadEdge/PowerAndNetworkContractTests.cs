using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Contract.Tests.Infrastructure;
using static DigitalTwin.Sdk.Contract.Tests.ThreadEdge.ThreadEdgeContract;

namespace DigitalTwin.Sdk.Contract.Tests.ThreadEdge;

/// <summary><c>thread.Power</c> and <c>thread.Network</c> against [IOT-EDGE] (shared/vendor-docs/bentley-itwin-iot-api.txt).</summary>
[Trait("Category", "Contract")]
public sealed class PowerAndNetworkContractTests : IDisposable
{
    private readonly ContractServer _server = new();

    public void Dispose() => _server.Dispose();

    // [IOT-EDGE] "GET Input Voltage": curl http://localhost/api/chargeInputVoltage; Response {"value":14.5288}.
    [Fact]
    public async Task GetChargeInputVoltageAsync_ReadsTheDocumentedResponse()
    {
        Stub(_server, "GET", "/api/chargeInputVoltage", response: """{"value":14.5288}""");

        Assert.Equal(14.5288, await CreateClient(_server).Power.GetChargeInputVoltageAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Input Current": curl http://localhost/api/chargeInputCurrent; Response {"value":0.0225}.
    [Fact]
    public async Task GetChargeInputCurrentAsync_ReadsTheDocumentedResponse()
    {
        Stub(_server, "GET", "/api/chargeInputCurrent", response: """{"value":0.0225}""");

        Assert.Equal(0.0225, await CreateClient(_server).Power.GetChargeInputCurrentAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Battery Voltage": curl http://localhost/api/batteryVoltage; Response {"value":13.7456}.
    [Fact]
    public async Task GetBatteryVoltageAsync_ReadsTheDocumentedResponse()
    {
        Stub(_server, "GET", "/api/batteryVoltage", response: """{"value":13.7456}""");

        Assert.Equal(13.7456, await CreateClient(_server).Power.GetBatteryVoltageAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Battery State of Charge": curl http://localhost/api/stateOfCharge; 0-100% (shape not shown).
    [Fact]
    public async Task GetStateOfChargeAsync_GetsStateOfCharge()
    {
        Stub(_server, "GET", "/api/stateOfCharge", response: """{"value":87}""");

        Assert.Equal(87, await CreateClient(_server).Power.GetStateOfChargeAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Battery Saver": Response {"value": false, "low": 0, "high": 100} (verbatim).
    [Fact]
    public async Task GetBatterySaverAsync_ReadsTheDocumentedResponse()
    {
        Stub(_server, "GET", "/api/batterySaver", response: """
            {
              "value": false,
              "low": 0,
              "high": 100
            }
            """);

        var saver = await CreateClient(_server).Power.GetBatterySaverAsync();

        Assert.False(saver.Enabled);
        Assert.Equal(0, saver.Low);
        Assert.Equal(100, saver.High);
        AssertContract(_server);
    }

    // [IOT-EDGE] "PUT Battery Saver": curl -X PUT http://localhost/api/batterySaver -d '{ "value": true, "low": 20, "high": 80}'.
    [Fact]
    public async Task SetBatterySaverAsync_PutsTheDocumentedBody()
    {
        Stub(_server, "PUT", "/api/batterySaver", body: """{ "value": true, "low": 20, "high": 80}""");

        await CreateClient(_server).Power.UpdateBatterySaverAsync(true, low: 20, high: 80);
        AssertContract(_server);
    }

    // [IOT-EDGE] "PUT Battery Saver": "If 'value' is set to true and no low/high value is given, it will set it to low 10
    // high 100" — so the SDK sends {"value": true} alone.
    [Fact]
    public async Task SetBatterySaverAsync_NoLimits_SendsValueAlone()
    {
        Stub(_server, "PUT", "/api/batterySaver", body: """{"value": true}""");

        await CreateClient(_server).Power.UpdateBatterySaverAsync(true);
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Interface Priority": Response {"content":"eth0"} (verbatim).
    [Fact]
    public async Task GetInterfacePriorityAsync_ReadsTheDocumentedResponse()
    {
        Stub(_server, "GET", "/api/interfacePriority", response: """{"content":"eth0"}""");

        var priority = await CreateClient(_server).Network.GetInterfacePriorityAsync();

        Assert.Equal(PreferredInterface.Ethernet, priority.Interface);
        AssertContract(_server);
    }

    // [IOT-EDGE] "PUT Cellular Interface Prioritized" / "PUT Ethernet Interface Prioritized": no body.
    [Fact]
    public async Task SetInterfacePriorityAsync_PutsThePathPerInterface()
    {
        Stub(_server, "PUT", "/api/interfacePriority/cellular");
        Stub(_server, "PUT", "/api/interfacePriority/ethernet");
        var client = CreateClient(_server);

        await client.Network.UpdateInterfacePriorityAsync(PreferredInterface.Cellular);
        await client.Network.UpdateInterfacePriorityAsync(PreferredInterface.Ethernet);
        AssertContract(_server);
    }

    // [IOT-EDGE] "GET Cloud Connection": enabled (true) or disabled (false) (shape not shown).
    [Fact]
    public async Task GetCloudConnectionAsync_GetsCloudConnection()
    {
        Stub(_server, "GET", "/api/cloudConnection", response: """{"value":true}""");

        Assert.True(await CreateClient(_server).Network.GetCloudConnectionAsync());
        AssertContract(_server);
    }

    // [IOT-EDGE] "PUT Cloud Connection": curl -X PUT http://localhost/api/cloudConnection -d '{ "value": "false"}'.
    [Fact]
    public async Task SetCloudConnectionAsync_PutsTheValueAsAString()
    {
        Stub(_server, "PUT", "/api/cloudConnection", body: """{ "value": "false"}""");

        await CreateClient(_server).Network.UpdateCloudConnectionAsync(false);
        AssertContract(_server);
    }
}
