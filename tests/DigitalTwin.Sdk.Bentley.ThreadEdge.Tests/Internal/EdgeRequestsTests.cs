using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests.Internal;

/// <summary>Every request of the doc ("iTwin IoT Edge REST API") is what the builders produce.</summary>
public sealed class EdgeRequestsTests
{
    public static TheoryData<string, string, string, string?> DocumentedRequests() => new()
    {
        // name, method, path, body as the doc shows it (null = no body)
        { "serialNumber", "GET", "api/serialNumber", null },
        { "time", "GET", "api/time", null },
        { "setTime", "POST", "api/time", """{"time":"2019-11-19T15:41:30.000Z"}""" },
        { "timeAccurate", "GET", "api/timeAccurate", null },
        { "chargeInputVoltage", "GET", "api/chargeInputVoltage", null },
        { "chargeInputCurrent", "GET", "api/chargeInputCurrent", null },
        { "batteryVoltage", "GET", "api/batteryVoltage", null },
        { "stateOfCharge", "GET", "api/stateOfCharge", null },
        { "batterySaver", "GET", "api/batterySaver", null },
        { "setBatterySaver", "PUT", "api/batterySaver", """{ "value": true, "low": 20, "high": 80}""" },
        { "setBatterySaverExample", "PUT", "api/batterySaver", """{"value" : true, "low": 10, "high": 100}""" },
        { "deviceAdcRead", "GET", "api/deviceAdcRead?port=1&option=0", null },
        { "deviceVoltage", "POST", "api/deviceVoltage", """{ "portNumber": 1, "value": 1}""" },
        { "sleep", "POST", "api/sleep", """{"duration":10000}""" },
        { "tempRead", "GET", "api/tempRead", null },
        { "pressRead", "GET", "api/pressRead", null },
        { "deviceAdcRead420", "GET", "api/deviceAdcRead420?port=1", null },
        { "deviceRsSel", "POST", "api/deviceRsSel", """{ "portNumber": 1, "content": "RS232"}""" },
        { "observation", "POST", "api/observation", null },
        { "configure", "GET", "api/configure?port=1", null },
        { "setConfigure", "PUT", "api/configure?port=1", """{ "COMM_TYPE": "USB", "PORT": 1212, "HOST": "192.168.254.3"}""" },
        { "setConfigureExample", "PUT", "api/configure?port=1", """{"COMM_TYPE" : "RS232", "BAUD_RATE" : 9600, "DELIMITERS_HEX" : ["0D0A"], "PORT" : 1234, "HOST" : "127.0.0.1"}""" },
        { "deleteConfigure1", "DELETE", "api/configure?port=1", """{"resources" : ["DELIMITERS_HEX"] }""" },
        { "deleteConfigure2", "DELETE", "api/configure?port=1", """{"resources" : ["HOST", "PORT"] }""" },
        { "interfacePriority", "GET", "api/interfacePriority", null },
        { "cellular", "PUT", "api/interfacePriority/cellular", null },
        { "ethernet", "PUT", "api/interfacePriority/ethernet", null },
        { "message", "POST", "api/message", """{"portNumber" : 1, "message" : "hello world"}""" },
        { "version", "GET", "api/version", null },
        { "firmware", "GET", "api/firmware", null },
        { "hardware", "GET", "api/hardware", null },
        { "updateLatest", "POST", "api/update", null },
        { "updateVersion", "POST", "api/update?version=7.18.0", null },
        { "updateFile", "POST", "api/update?file=/tmp/snoopy-1.2.3.jar", null },
        { "ledRed", "POST", "api/accessible", """{ "value": "false"}""" },
        { "ledGreen", "POST", "api/accessible", """{ "value": "true"}""" },
        { "cloudConnection", "GET", "api/cloudConnection", null },
        { "cloudOff", "PUT", "api/cloudConnection", """{ "value": "false"}""" },
        { "cloudOn", "PUT", "api/cloudConnection", """{ "value": "true"}""" },
        { "deviceConnection", "GET", "api/deviceConnection?port=2", null },
        { "deviceConnectionOff", "PUT", "api/deviceConnection?port=3", """{ "value": false}""" },
        { "deviceConnectionOn", "PUT", "api/deviceConnection?port=3", """{ "value": true}""" },
    };

    [Theory]
    [MemberData(nameof(DocumentedRequests))]
    public void Builder_DocumentedRequest_MatchesDoc(string name, string method, string path, string? body)
    {
        var request = Build(name);
        Assert.Equal(method, request.Method.Method);
        Assert.Equal(path, request.Path);
        if (body is null)
        {
            Assert.Null(request.Body);
        }
        else
        {
            Assert.NotNull(request.Body);
            Assert.True(
                JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(request.Body)),
                $"{name}: expected {body} but built {Encoding.UTF8.GetString(request.Body)}");
        }
    }

    [Fact]
    public void SetBatterySaver_TrueAlone_SendsValueOnly()
    {
        var request = EdgeRequests.SetBatterySaver(true, null, null);
        Assert.Equal("""{"value":true}""", Encoding.UTF8.GetString(request.Body!));
    }

    [Fact]
    public void SetTime_NonUtcOffset_IsSentInUtc()
    {
        var request = EdgeRequests.SetTime(new DateTimeOffset(2019, 11, 19, 16, 41, 30, 123, TimeSpan.FromHours(1)));
        Assert.Equal("""{"time":"2019-11-19T15:41:30.123Z"}""", Encoding.UTF8.GetString(request.Body!));
    }

    [Fact]
    public void Update_FileWithSpace_IsEscapedButKeepsSlashes()
    {
        var request = EdgeRequests.Update(UpdateSource.FromLocalFile("/tmp/my app-1.0.0.jar"));
        Assert.Equal("api/update?file=/tmp/my%20app-1.0.0.jar", request.Path);
    }

    [Fact]
    public void Sleep_FractionalMilliseconds_AreRounded()
    {
        var request = EdgeRequests.Sleep(TimeSpan.FromMilliseconds(1.6));
        Assert.Equal("""{"duration":2}""", Encoding.UTF8.GetString(request.Body!));
    }

    [Fact]
    public void RemovePortConfiguration_Duplicates_AreSentOnce()
    {
        var request = EdgeRequests.RemovePortConfiguration(2, [PortConfigurationProperty.Host, PortConfigurationProperty.Host]);
        Assert.Equal("""{"resources":["HOST"]}""", Encoding.UTF8.GetString(request.Body!));
    }

    [Fact]
    public void IsIdempotent_OnlyActionPostsAreNot()
    {
        Assert.False(EdgeRequests.FlashLed().IsIdempotent);
        Assert.False(EdgeRequests.Sleep(TimeSpan.FromSeconds(1)).IsIdempotent);
        Assert.False(EdgeRequests.SendMessage(1, "x").IsIdempotent);
        Assert.False(EdgeRequests.Update(UpdateSource.Latest).IsIdempotent);
        Assert.True(EdgeRequests.SetTime(DateTimeOffset.UnixEpoch).IsIdempotent);
        Assert.True(EdgeRequests.SetPortVoltage(1, PortVoltage.Off).IsIdempotent);
        Assert.True(EdgeRequests.SetPortMode(1, PortMode.Off).IsIdempotent);
        Assert.True(EdgeRequests.SetLed(true).IsIdempotent);
        Assert.True(EdgeRequests.SetDeviceConnection(1, true).IsIdempotent);
        Assert.True(EdgeRequests.GetTime().IsIdempotent);
    }

    private static EdgeRequest Build(string name) => name switch
    {
        "serialNumber" => EdgeRequests.GetSerialNumber(),
        "time" => EdgeRequests.GetTime(),
        "setTime" => EdgeRequests.SetTime(new DateTimeOffset(2019, 11, 19, 15, 41, 30, TimeSpan.Zero)),
        "timeAccurate" => EdgeRequests.GetTimeAccurate(),
        "chargeInputVoltage" => EdgeRequests.GetChargeInputVoltage(),
        "chargeInputCurrent" => EdgeRequests.GetChargeInputCurrent(),
        "batteryVoltage" => EdgeRequests.GetBatteryVoltage(),
        "stateOfCharge" => EdgeRequests.GetStateOfCharge(),
        "batterySaver" => EdgeRequests.GetBatterySaver(),
        "setBatterySaver" => EdgeRequests.SetBatterySaver(true, 20, 80),
        "setBatterySaverExample" => EdgeRequests.SetBatterySaver(true, 10, 100),
        "deviceAdcRead" => EdgeRequests.ReadAdc(1, AdcReadOption.Voltage),
        "deviceVoltage" => EdgeRequests.SetPortVoltage(1, PortVoltage.Volts12),
        "sleep" => EdgeRequests.Sleep(TimeSpan.FromSeconds(10)),
        "tempRead" => EdgeRequests.GetTemperature(),
        "pressRead" => EdgeRequests.GetPressure(),
        "deviceAdcRead420" => EdgeRequests.ReadLoopCurrent(1),
        "deviceRsSel" => EdgeRequests.SetPortMode(1, PortMode.Rs232),
        "observation" => EdgeRequests.FlashLed(),
        "configure" => EdgeRequests.GetPortConfiguration(1),
        "setConfigure" => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { CommType = CommType.Usb, Port = 1212, Host = "192.168.254.3" }),
        "setConfigureExample" => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { CommType = CommType.Rs232, BaudRate = 9600, DelimitersHex = ["0D0A"], Port = 1234, Host = "127.0.0.1" }),
        "deleteConfigure1" => EdgeRequests.RemovePortConfiguration(1, [PortConfigurationProperty.DelimitersHex]),
        "deleteConfigure2" => EdgeRequests.RemovePortConfiguration(1, [PortConfigurationProperty.Host, PortConfigurationProperty.Port]),
        "interfacePriority" => EdgeRequests.GetInterfacePriority(),
        "cellular" => EdgeRequests.SetInterfacePriority(PreferredInterface.Cellular),
        "ethernet" => EdgeRequests.SetInterfacePriority(PreferredInterface.Ethernet),
        "message" => EdgeRequests.SendMessage(1, "hello world"),
        "version" => EdgeRequests.GetApplicationVersion(),
        "firmware" => EdgeRequests.GetFirmwareVersion(),
        "hardware" => EdgeRequests.GetHardwareVersion(),
        "updateLatest" => EdgeRequests.Update(UpdateSource.Latest),
        "updateVersion" => EdgeRequests.Update(UpdateSource.FromVersion("7.18.0")),
        "updateFile" => EdgeRequests.Update(UpdateSource.FromLocalFile("/tmp/snoopy-1.2.3.jar")),
        "ledRed" => EdgeRequests.SetLed(false),
        "ledGreen" => EdgeRequests.SetLed(true),
        "cloudConnection" => EdgeRequests.GetCloudConnection(),
        "cloudOff" => EdgeRequests.SetCloudConnection(false),
        "cloudOn" => EdgeRequests.SetCloudConnection(true),
        "deviceConnection" => EdgeRequests.GetDeviceConnection(2),
        "deviceConnectionOff" => EdgeRequests.SetDeviceConnection(3, false),
        "deviceConnectionOn" => EdgeRequests.SetDeviceConnection(3, true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
