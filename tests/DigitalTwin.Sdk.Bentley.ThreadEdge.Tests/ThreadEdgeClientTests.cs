using System.Text;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Testing.ThreadEdge;
using Microsoft.Extensions.Time.Testing;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests;

/// <summary>Every endpoint of the doc, end to end against the simulated THREAD over loopback.</summary>
public sealed class ThreadEdgeClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _deviceClock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private ThreadEdgeEmulator _emu = null!;
    private ThreadEdgeClient _client = null!;

    public async Task InitializeAsync()
    {
        _emu = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { TimeProvider = _deviceClock });
        _client = new ThreadEdgeClient(TestOptions.For(_emu));
    }

    public async Task DisposeAsync()
    {
        await _emu.DisposeAsync();
    }

    [Fact]
    public async Task GetSerialNumberAsync_ReturnsConnectCode()
    {
        Assert.Equal(_emu.SerialNumber, await _client.Device.GetSerialNumberAsync());
    }

    [Fact]
    public async Task Time_SetGetAndAccuracy()
    {
        Assert.Equal(_emu.DeviceTime, await _client.Device.GetTimeAsync());
        Assert.True(await _client.Device.GetTimeAccurateAsync());

        await _client.Device.UpdateTimeAsync(new DateTimeOffset(2019, 11, 19, 15, 41, 30, TimeSpan.Zero));
        Assert.Equal("""{"time":"2019-11-19T15:41:30.000Z"}""", _emu.Requests.ForPath("/api/time")[^1].Body);
        Assert.False(await _client.Device.GetTimeAccurateAsync());
        _deviceClock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 15, 41, 35, TimeSpan.Zero), await _client.Device.GetTimeAsync());
        Assert.True(await _client.Device.GetTimeAccurateAsync());
    }

    [Fact]
    public async Task PowerReadings_MatchDevice()
    {
        Assert.Equal(_emu.ChargeInputVoltage, await _client.Power.GetChargeInputVoltageAsync());
        Assert.Equal(_emu.ChargeInputCurrent, await _client.Power.GetChargeInputCurrentAsync());
        Assert.Equal(_emu.BatteryVoltage, await _client.Power.GetBatteryVoltageAsync());
        Assert.Equal(_emu.StateOfCharge, await _client.Power.GetStateOfChargeAsync());
    }

    [Fact]
    public async Task BatterySaver_SetAndGet()
    {
        Assert.Equal(new BatterySaverSettings(false, 0, 100), await _client.Power.GetBatterySaverAsync());
        await _client.Power.UpdateBatterySaverAsync(true, 20, 80);
        Assert.Equal(new BatterySaverSettings(true, 20, 80), await _client.Power.GetBatterySaverAsync());
        await _client.Power.UpdateBatterySaverAsync(true);
        Assert.Equal((true, 10, 100), _emu.BatterySaver);
        await _client.Power.UpdateBatterySaverAsync(false);
        Assert.Equal(new BatterySaverSettings(false, 0, 100), await _client.Power.GetBatterySaverAsync());
    }

    [Fact]
    public void BatterySaver_BadThresholds_RefusedBeforeSending()
    {
        _emu.Requests.Clear();
        Assert.Equal("low", SyncAssert.Throws<ArgumentOutOfRangeException>(() => _client.Power.UpdateBatterySaverAsync(true, 45, 80)).ParamName);
        Assert.Equal("high", SyncAssert.Throws<ArgumentException>(() => _client.Power.UpdateBatterySaverAsync(true, 20)).ParamName);
        Assert.Equal(0, _emu.Requests.Count);
    }

    [Fact]
    public async Task Environment_TemperatureAndPressureWithUnit()
    {
        Assert.Equal(_emu.TemperatureCelsius, await _client.Device.GetTemperatureAsync());
        var pressure = await _client.Device.GetPressureAsync();
        Assert.Equal(PressureUnit.Decapascal, pressure.Unit);
        Assert.Equal(_emu.AtmosphericPressurePascals, pressure.Pascals, 3);

        await _client.Device.GetPressureAsync();
        Assert.Single(_emu.Requests.ForPath("/api/hardware"));
    }

    [Fact]
    public async Task Pressure_V11Device_IsHectopascal()
    {
        await using var v11 = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { HardwareVersion = "V11" });
        var client = new ThreadEdgeClient(TestOptions.For(v11));
        var pressure = await client.Device.GetPressureAsync();
        Assert.Equal(PressureUnit.Hectopascal, pressure.Unit);
        Assert.Equal(v11.AtmosphericPressurePascals / 100, pressure.Hectopascals, 3);
    }

    [Fact]
    public async Task Pressure_HardwareVersionOption_SkipsLookup()
    {
        var options = TestOptions.For(_emu);
        options.HardwareVersion = "V10";
        var client = new ThreadEdgeClient(options);
        Assert.Equal(PressureUnit.Hectopascal, (await client.Device.GetPressureAsync()).Unit);
        Assert.Empty(_emu.Requests.ForPath("/api/hardware"));
    }

    [Fact]
    public async Task SleepFlashAndLed_ReachTheDevice()
    {
        await _client.Device.SleepAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([10000L], _emu.Sleeps());
        await _client.Device.FlashLedAsync();
        Assert.Equal(1, _emu.LedFlashes);

        await _client.Network.UpdateCloudConnectionAsync(false);
        Assert.Equal(ThreadLedColor.Red, _emu.LedColor);
        await _client.Device.UpdateLedAsync(true);
        Assert.Equal(ThreadLedColor.Green, _emu.LedColor);
        Assert.Equal("""{"value":"true"}""", _emu.Requests.ForPath("/api/accessible")[^1].Body);
    }

    [Fact]
    public async Task Versions_AndUpdates()
    {
        Assert.Equal("7.17.2", await _client.Device.GetApplicationVersionAsync());
        Assert.Equal("4.2.1", await _client.Device.GetFirmwareVersionAsync());
        Assert.Equal("V12", await _client.Device.GetHardwareVersionAsync());

        await _client.Device.UpdateSoftwareAsync(UpdateSource.Latest);
        await _client.Device.UpdateSoftwareAsync(UpdateSource.FromVersion("7.19.0"));
        Assert.Equal("7.19.0", await _client.Device.GetApplicationVersionAsync());
        await _client.Device.UpdateSoftwareAsync(UpdateSource.FromLocalFile("/tmp/snoopy-1.2.3.jar"));
        Assert.Equal("1.2.3", await _client.Device.GetApplicationVersionAsync());
        Assert.Equal(["latest", "version:7.19.0", "file:/tmp/snoopy-1.2.3.jar"], _emu.Updates());
    }

    [Fact]
    public async Task UpdateFromFile_PathWithQuerySyntax_ReachesTheDeviceAsOneValue()
    {
        await _client.Device.UpdateSoftwareAsync(UpdateSource.FromLocalFile("/tmp/a&b #1+2%.jar"));

        Assert.Equal(["file:/tmp/a&b #1+2%.jar"], _emu.Updates());
    }

    [Fact]
    public async Task PortVoltageAndAdc()
    {
        Assert.True(await _client.Ports.GetAdcReadingAsync(3, AdcReadOption.Voltage) < 1);
        await _client.Ports.UpdateVoltageAsync(3, PortVoltage.Volts12);
        Assert.Equal(1, _emu.Port(3).VoltageCode);
        Assert.InRange(await _client.Ports.GetAdcReadingAsync(3, AdcReadOption.Voltage), 11.5, 12.5);
        Assert.Equal(0.0, await _client.Ports.GetAdcReadingAsync(3, AdcReadOption.Current));
        Assert.True(await _client.Ports.GetAdcReadingAsync(2, AdcReadOption.Current) > 0);
    }

    [Fact]
    public async Task LoopCurrent_ReadsPort()
    {
        _emu.Port(1).LoopCurrentAmps = 0.016;
        Assert.Equal(0.016, await _client.Ports.GetLoopCurrentAsync(1));
    }

    [Fact]
    public async Task PortMode_SetAndUsbRule()
    {
        await _client.Ports.UpdateModeAsync(1, PortMode.Usb);
        Assert.Equal("USB", _emu.Port(1).Mode);
        await _client.Ports.UpdateModeAsync(3, PortMode.Analog);
        Assert.Equal("ANALOG", _emu.Port(3).Mode);
        Assert.Equal("mode", SyncAssert.Throws<ArgumentException>(() => _client.Ports.UpdateModeAsync(2, PortMode.Usb)).ParamName);
    }

    [Fact]
    public async Task PortConfiguration_GetSetRemove()
    {
        var initial = await _client.Ports.GetConfigurationAsync(1);
        Assert.Equal(CommType.Rs232, initial.CommType);
        Assert.Equal(9600, initial.BaudRate);
        Assert.Equal(8, initial.DataBits);
        Assert.Equal(ParityBit.None, initial.ParityBit);
        Assert.Equal(["0D0A"], initial.DelimitersHex!);

        await _client.Ports.UpdateConfigurationAsync(1, new PortConfiguration { CommType = CommType.Usb, Port = 1212, Host = "192.168.254.3", ParityBit = ParityBit.Even, DelimitersHex = ["0D"] });
        var updated = await _client.Ports.GetConfigurationAsync(1);
        Assert.Equal(CommType.Usb, updated.CommType);
        Assert.Equal(1212, updated.Port);
        Assert.Equal("192.168.254.3", updated.Host);
        Assert.Equal(ParityBit.Even, updated.ParityBit);
        Assert.Equal(9600, updated.BaudRate);

        await _client.Ports.DeleteConfigurationAsync(1, [PortConfigurationProperty.Host, PortConfigurationProperty.Port]);
        var removed = await _client.Ports.GetConfigurationAsync(1);
        Assert.Null(removed.Host);
        Assert.Null(removed.Port);
        Assert.Equal(CommType.Usb, removed.CommType);
        Assert.Equal("""{"resources":["HOST","PORT"]}""", _emu.Requests.ForPath("/api/configure")[^2].Body);
    }

    [Fact]
    public async Task Message_IsDeliveredToThePortDevice()
    {
        await _client.Ports.SendMessageAsync(1, "hello world");
        Assert.Equal("hello world", Encoding.UTF8.GetString(Assert.Single(_emu.Echo.Received())));
    }

    [Fact]
    public async Task DeviceConnection_GetAndSet()
    {
        Assert.False(await _client.Ports.GetConnectionAsync(3));
        await _client.Ports.UpdateConnectionAsync(3, true);
        Assert.True(_emu.Port(3).ConnectionEnabled);
        Assert.True(await _client.Ports.GetConnectionAsync(3));
        Assert.Equal("""{"value":true}""", _emu.Requests.ForPath("/api/deviceConnection")[^2].Body);
    }

    [Fact]
    public async Task InterfacePriority_SwitchesBothWays()
    {
        Assert.Equal(PreferredInterface.Ethernet, (await _client.Network.GetInterfacePriorityAsync()).Interface);
        await _client.Network.UpdateInterfacePriorityAsync(PreferredInterface.Cellular);
        var priority = await _client.Network.GetInterfacePriorityAsync();
        Assert.Equal("ppp0", priority.Content);
        Assert.Equal(PreferredInterface.Cellular, priority.Interface);
        await _client.Network.UpdateInterfacePriorityAsync(PreferredInterface.Ethernet);
        Assert.Equal("eth0", _emu.PreferredInterface);
    }

    [Fact]
    public async Task CloudConnection_GetAndSet()
    {
        Assert.True(await _client.Network.GetCloudConnectionAsync());
        await _client.Network.UpdateCloudConnectionAsync(false);
        Assert.False(await _client.Network.GetCloudConnectionAsync());
        Assert.Equal("""{"value":"false"}""", _emu.Requests.ForPath("/api/cloudConnection")[^2].Body);
    }

    [Fact]
    public async Task OpenSocketAsync_UsesPortDelimitersFromDevice()
    {
        await _client.Ports.UpdateConfigurationAsync(2, new PortConfiguration { DelimitersHex = ["3B"] });
        await using var socket = await _client.Ports.OpenSocketAsync(2);
        Assert.Equal(_emu.PortWebSocketUri(2), socket.Uri);
        await WaitUntilAsync(() => _emu.Port(2).ConnectedClients == 1);
        var first = await _emu.Sensor.EmitReadingAsync();
        var second = await _emu.Sensor.EmitReadingAsync();

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var records = new List<PortRecord>();
        await foreach (var record in socket.ReadRecordsAsync(cancellationToken: cts.Token))
        {
            records.Add(record);
            if (records.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([first, second], records.Select(r => r.Text));
        Assert.All(records, r => Assert.Equal("3B", r.DelimiterHex));
    }

    [Fact]
    public async Task OpenSocketAsync_MessageEndpointAndSocketMeet()
    {
        await using var socket = await _client.Ports.OpenSocketAsync(1, new ThreadPortSocketOptions());
        await WaitUntilAsync(() => _emu.Port(1).ConnectedClients == 1);
        await _client.Ports.SendMessageAsync(1, "ping\r\n");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await foreach (var record in socket.ReadRecordsAsync(cancellationToken: cts.Token))
        {
            Assert.Equal("ping", record.Text);
            break;
        }
    }

    [Fact]
    public void OpenSocketAsync_BadArguments_ThrowBeforeConnecting()
    {
        Assert.Equal("port", SyncAssert.Throws<ArgumentOutOfRangeException>(() => _client.Ports.OpenSocketAsync(4)).ParamName);
        Assert.Equal("options", SyncAssert.Throws<ArgumentException>(() => _client.Ports.OpenSocketAsync(1, new ThreadPortSocketOptions { MaxMessageSize = 0 })).ParamName);
        Assert.Equal(0, _emu.Port(1).ConnectedClients);
    }

    [Fact]
    public void GetSocketUri_FollowsBaseUrlScheme()
    {
        Assert.Equal(new Uri("ws://localhost/ws/port/3"), new ThreadEdgeClient(new ThreadEdgeOptions()).Ports.GetSocketUri(3));
        var secure = new ThreadEdgeClient(new ThreadEdgeOptions { BaseUrl = new Uri("https://thread.example.com/edge") });
        Assert.Equal(new Uri("wss://thread.example.com/edge/ws/port/1"), secure.Ports.GetSocketUri(1));
        Assert.Equal("port", Assert.Throws<ArgumentOutOfRangeException>(() => secure.Ports.GetSocketUri(0)).ParamName);
    }
}
