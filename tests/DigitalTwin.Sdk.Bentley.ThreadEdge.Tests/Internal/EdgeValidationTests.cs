using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests.Internal;

/// <summary>Every rule of the doc refuses bad input before anything is built, naming the parameter.</summary>
public sealed class EdgeValidationTests
{
    public static TheoryData<string, Func<object>> BadCalls() => new()
    {
        // battery saver: low 0-40, high 60-100, both or neither
        { "low", () => EdgeRequests.SetBatterySaver(true, -1, 80) },
        { "low", () => EdgeRequests.SetBatterySaver(true, 41, 80) },
        { "high", () => EdgeRequests.SetBatterySaver(true, 20, 59) },
        { "high", () => EdgeRequests.SetBatterySaver(true, 20, 101) },
        { "high", () => EdgeRequests.SetBatterySaver(true, 20, null) },
        { "low", () => EdgeRequests.SetBatterySaver(false, null, 80) },

        // ports 1-3 everywhere a port is taken
        { "port", () => EdgeRequests.ReadAdc(0, AdcReadOption.Voltage) },
        { "port", () => EdgeRequests.ReadAdc(4, AdcReadOption.Current) },
        { "option", () => EdgeRequests.ReadAdc(1, (AdcReadOption)2) },
        { "port", () => EdgeRequests.SetPortVoltage(-1, PortVoltage.Off) },
        { "voltage", () => EdgeRequests.SetPortVoltage(1, (PortVoltage)3) },
        { "port", () => EdgeRequests.ReadLoopCurrent(4) },
        { "port", () => EdgeRequests.SetPortMode(0, PortMode.Rs232) },
        { "mode", () => EdgeRequests.SetPortMode(1, (PortMode)99) },
        { "mode", () => EdgeRequests.SetPortMode(2, PortMode.Usb) },
        { "mode", () => EdgeRequests.SetPortMode(3, PortMode.Usb) },
        { "port", () => EdgeRequests.GetPortConfiguration(4) },
        { "port", () => EdgeRequests.SetPortConfiguration(0, new PortConfiguration { BaudRate = 9600 }) },
        { "port", () => EdgeRequests.RemovePortConfiguration(5, [PortConfigurationProperty.Host]) },
        { "port", () => EdgeRequests.SendMessage(4, "x") },
        { "port", () => EdgeRequests.GetDeviceConnection(0) },
        { "port", () => EdgeRequests.SetDeviceConnection(4, true) },
        { "port", () => EdgeRequests.PortSocketPath(4) },

        // sleep duration in ms
        { "duration", () => EdgeRequests.Sleep(TimeSpan.Zero) },
        { "duration", () => EdgeRequests.Sleep(TimeSpan.FromMilliseconds(-10)) },
        { "duration", () => EdgeRequests.Sleep(TimeSpan.FromDays(30)) },

        // configure: typed properties, 1..N of them
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, null!) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration()) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { BaudRate = 0 }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { DataBits = 4 }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { DataBits = 9 }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { CommType = (CommType)7 }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { ParityBit = (ParityBit)7 }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { DelimitersHex = [] }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { DelimitersHex = ["0D0"] }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { DelimitersHex = ["GG"] }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { DelimitersHex = [""] }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { Port = 0 }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { Port = 65536 }) },
        { "configuration", () => EdgeRequests.SetPortConfiguration(1, new PortConfiguration { Host = "bad host!" }) },

        // DELETE configure: a non-empty list of known properties
        { "properties", () => EdgeRequests.RemovePortConfiguration(1, []) },
        { "properties", () => EdgeRequests.RemovePortConfiguration(1, null!) },
        { "properties", () => EdgeRequests.RemovePortConfiguration(1, [(PortConfigurationProperty)42]) },

        // interface priority: cellular or ethernet
        { "preferred", () => EdgeRequests.SetInterfacePriority(PreferredInterface.Unknown) },
        { "preferred", () => EdgeRequests.SetInterfacePriority((PreferredInterface)9) },

        // message
        { "message", () => EdgeRequests.SendMessage(1, "") },
        { "message", () => EdgeRequests.SendMessage(1, null!) },

        // update: latest, a version or a local absolute file
        { "source", () => EdgeRequests.Update(null!) },
        { "version", () => EdgeRequests.Update(UpdateSource.FromVersion("latest")) },
        { "version", () => EdgeRequests.Update(UpdateSource.FromVersion("7")) },
        { "version", () => EdgeRequests.Update(UpdateSource.FromVersion("7..1")) },
        { "version", () => EdgeRequests.Update(UpdateSource.FromVersion(" ")) },
        { "path", () => EdgeRequests.Update(UpdateSource.FromLocalFile("tmp/snoopy.jar")) },
        { "path", () => EdgeRequests.Update(UpdateSource.FromLocalFile("/")) },
        { "path", () => EdgeRequests.Update(UpdateSource.FromLocalFile("/tmp/a\nb.jar")) },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public void Builder_BadInput_ThrowsArgumentExceptionNamingParameter(string parameter, Func<object> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var exception = Assert.ThrowsAny<ArgumentException>(() => call());
        Assert.Equal(parameter, exception.ParamName);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(40, 100)]
    [InlineData(null, null)]
    public void SetBatterySaver_Boundaries_AreAccepted(int? low, int? high)
    {
        Assert.NotNull(EdgeRequests.SetBatterySaver(true, low, high));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SetPortMode_AllNonUsbModes_AcceptedOnEveryPort(int port)
    {
        foreach (var mode in new[] { PortMode.Rs232, PortMode.Rs485, PortMode.Analog, PortMode.Off })
        {
            Assert.NotNull(EdgeRequests.SetPortMode(port, mode));
        }
    }

    [Fact]
    public void SetPortMode_UsbOnPort1_IsAccepted()
    {
        Assert.NotNull(EdgeRequests.SetPortMode(1, PortMode.Usb));
    }

    [Fact]
    public void SetPortConfiguration_OnlyExtensionData_IsAccepted()
    {
        using var value = System.Text.Json.JsonDocument.Parse("\"NONE\"");
        var configuration = new PortConfiguration().WithProperty("FLOW_CONTROL", value.RootElement);
        Assert.Contains("FLOW_CONTROL", System.Text.Encoding.UTF8.GetString(EdgeRequests.SetPortConfiguration(1, configuration).Body!), StringComparison.Ordinal);
    }
}
