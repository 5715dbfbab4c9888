using System.Net;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests.Internal;

/// <summary>Every rule of the doc refuses bad input synchronously, before anything is sent, naming the parameter.</summary>
public sealed class EdgeValidationTests
{
    public static TheoryData<string, Func<IThreadEdgeClient, object>> BadCalls() => new()
    {
        // battery saver: low 0-40, high 60-100, both or neither
        { "low", c => c.Power.UpdateBatterySaverAsync(true, -1, 80) },
        { "low", c => c.Power.UpdateBatterySaverAsync(true, 41, 80) },
        { "high", c => c.Power.UpdateBatterySaverAsync(true, 20, 59) },
        { "high", c => c.Power.UpdateBatterySaverAsync(true, 20, 101) },
        { "high", c => c.Power.UpdateBatterySaverAsync(true, 20, null) },
        { "low", c => c.Power.UpdateBatterySaverAsync(false, null, 80) },

        // ports 1-3 everywhere a port is taken
        { "port", c => c.Ports.GetAdcReadingAsync(0, AdcReadOption.Voltage) },
        { "port", c => c.Ports.GetAdcReadingAsync(4, AdcReadOption.Current) },
        { "option", c => c.Ports.GetAdcReadingAsync(1, (AdcReadOption)2) },
        { "port", c => c.Ports.UpdateVoltageAsync(-1, PortVoltage.Off) },
        { "voltage", c => c.Ports.UpdateVoltageAsync(1, (PortVoltage)3) },
        { "port", c => c.Ports.GetLoopCurrentAsync(4) },
        { "port", c => c.Ports.UpdateModeAsync(0, PortMode.Rs232) },
        { "mode", c => c.Ports.UpdateModeAsync(1, (PortMode)99) },
        { "mode", c => c.Ports.UpdateModeAsync(2, PortMode.Usb) },
        { "mode", c => c.Ports.UpdateModeAsync(3, PortMode.Usb) },
        { "port", c => c.Ports.GetConfigurationAsync(4) },
        { "port", c => c.Ports.UpdateConfigurationAsync(0, new PortConfiguration { BaudRate = 9600 }) },
        { "port", c => c.Ports.DeleteConfigurationAsync(5, [PortConfigurationProperty.Host]) },
        { "port", c => c.Ports.SendMessageAsync(4, "x") },
        { "port", c => c.Ports.GetConnectionAsync(0) },
        { "port", c => c.Ports.UpdateConnectionAsync(4, true) },
        { "port", c => c.Ports.GetSocketUri(4) },

        // sleep duration in ms
        { "duration", c => c.Device.SleepAsync(TimeSpan.Zero) },
        { "duration", c => c.Device.SleepAsync(TimeSpan.FromMilliseconds(-10)) },
        { "duration", c => c.Device.SleepAsync(TimeSpan.FromDays(30)) },

        // configure: typed properties, 1..N of them
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, null!) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration()) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { BaudRate = 0 }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { DataBits = 4 }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { DataBits = 9 }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { CommType = (CommType)7 }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { ParityBit = (ParityBit)7 }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { DelimitersHex = [] }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { DelimitersHex = ["0D0"] }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { DelimitersHex = ["GG"] }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { DelimitersHex = [""] }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { Port = 0 }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { Port = 65536 }) },
        { "configuration", c => c.Ports.UpdateConfigurationAsync(1, new PortConfiguration { Host = "bad host!" }) },

        // DELETE configure: a non-empty list of known properties
        { "properties", c => c.Ports.DeleteConfigurationAsync(1, []) },
        { "properties", c => c.Ports.DeleteConfigurationAsync(1, null!) },
        { "properties", c => c.Ports.DeleteConfigurationAsync(1, [(PortConfigurationProperty)42]) },

        // interface priority: cellular or ethernet
        { "preferred", c => c.Network.UpdateInterfacePriorityAsync(PreferredInterface.Unknown) },
        { "preferred", c => c.Network.UpdateInterfacePriorityAsync((PreferredInterface)9) },

        // message
        { "message", c => c.Ports.SendMessageAsync(1, "") },
        { "message", c => c.Ports.SendMessageAsync(1, null!) },

        // update: latest, a version or a local absolute file
        { "source", c => c.Device.UpdateSoftwareAsync(null!) },
        { "version", c => c.Device.UpdateSoftwareAsync(UpdateSource.FromVersion("latest")) },
        { "version", c => c.Device.UpdateSoftwareAsync(UpdateSource.FromVersion("7")) },
        { "version", c => c.Device.UpdateSoftwareAsync(UpdateSource.FromVersion("7..1")) },
        { "version", c => c.Device.UpdateSoftwareAsync(UpdateSource.FromVersion(" ")) },
        { "path", c => c.Device.UpdateSoftwareAsync(UpdateSource.FromLocalFile("tmp/snoopy.jar")) },
        { "path", c => c.Device.UpdateSoftwareAsync(UpdateSource.FromLocalFile("/")) },
        { "path", c => c.Device.UpdateSoftwareAsync(UpdateSource.FromLocalFile("/tmp/a\nb.jar")) },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public void Method_BadInput_ThrowsArgumentExceptionNamingParameterBeforeSending(string parameter, Func<IThreadEdgeClient, object> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var client = CreateClient(out var handler);
        var exception = Assert.ThrowsAny<ArgumentException>(() => call(client));
        Assert.Equal(parameter, exception.ParamName);
        Assert.Equal(0, handler.Calls);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(40, 100)]
    [InlineData(null, null)]
    public async Task UpdateBatterySaverAsync_Boundaries_AreAccepted(int? low, int? high)
    {
        using var client = CreateClient(out var handler);
        await client.Power.UpdateBatterySaverAsync(true, low, high);
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task UpdateModeAsync_AllNonUsbModes_AcceptedOnEveryPort(int port)
    {
        using var client = CreateClient(out var handler);
        foreach (var mode in new[] { PortMode.Rs232, PortMode.Rs485, PortMode.Analog, PortMode.Off })
        {
            await client.Ports.UpdateModeAsync(port, mode);
        }

        Assert.Equal(4, handler.Calls);
    }

    [Fact]
    public async Task UpdateModeAsync_UsbOnPort1_IsAccepted()
    {
        using var client = CreateClient(out var handler);
        await client.Ports.UpdateModeAsync(1, PortMode.Usb);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task UpdateConfigurationAsync_OnlyExtensionData_IsAccepted()
    {
        using var value = System.Text.Json.JsonDocument.Parse("\"NONE\"");
        var configuration = new PortConfiguration().WithProperty("FLOW_CONTROL", value.RootElement);
        using var client = CreateClient(out var handler);
        await client.Ports.UpdateConfigurationAsync(1, configuration);
        Assert.Contains("FLOW_CONTROL", handler.LastBody, StringComparison.Ordinal);
    }

    private static ThreadEdgeClient CreateClient(out CountingHandler handler)
    {
        handler = new CountingHandler();
        var options = new ThreadEdgeOptions { HardwareVersion = "V12" };
        options.Retry.MaxRetries = 0;
        return new ThreadEdgeClient(options, new HttpClient(handler));
    }

    /// <summary>Counts what reaches the wire and answers 200 with an empty JSON object.</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public string? LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}"), RequestMessage = request };
        }
    }
}
