using System.Net;
using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ThreadEdge;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests;

/// <summary>Device refusals, retries and broken answers surface as the core's exceptions.</summary>
public sealed class ThreadEdgeErrorsTests : IAsyncLifetime
{
    private ThreadEdgeEmulator _emu = null!;
    private ThreadEdgeClient _client = null!;

    public async Task InitializeAsync()
    {
        _emu = await ThreadEdgeEmulator.StartAsync();
        _client = new ThreadEdgeClient(TestOptions.For(_emu));
    }

    public async Task DisposeAsync()
    {
        await _emu.DisposeAsync();
    }

    [Fact]
    public async Task DeviceRefusal_BecomesApiExceptionWithCodeAndMessage()
    {
        using var unknown = JsonDocument.Parse("1");
        var configuration = new PortConfiguration().WithProperty("SPEED", unknown.RootElement);
        var exception = await Assert.ThrowsAsync<DigitalTwinApiException>(() => _client.Ports.UpdateConfigurationAsync(1, configuration));
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("invalid_request", exception.ErrorCode);
        Assert.Contains("SPEED", exception.ErrorTitle, StringComparison.Ordinal);
        Assert.Equal("ThreadEdge", exception.Vendor);
    }

    [Fact]
    public async Task Get_TransientFailures_AreRetried()
    {
        _emu.Faults.Add(Fault.Status(503), "/api/tempRead");
        _emu.Faults.Add(Fault.DropConnection(), "/api/tempRead");
        Assert.Equal(_emu.TemperatureCelsius, await _client.Device.GetTemperatureAsync());
        Assert.Equal(3, _emu.Requests.ForPath("/api/tempRead").Count);
    }

    [Fact]
    public async Task Get_TruncatedBody_IsRetried()
    {
        _emu.Faults.Add(Fault.TruncateBody(), "/api/version");
        Assert.Equal("7.17.2", await _client.Device.GetApplicationVersionAsync());
        Assert.Equal(2, _emu.Requests.ForPath("/api/version").Count);
    }

    [Fact]
    public async Task ActionPost_ThatReachedTheDevice_IsNotRetried()
    {
        _emu.Faults.Add(Fault.Status(503), "/api/observation");
        var exception = await Assert.ThrowsAsync<DigitalTwinApiException>(() => _client.Device.FlashLedAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Single(_emu.Requests.ForPath("/api/observation"));
        Assert.Equal(0, _emu.LedFlashes);
    }

    [Fact]
    public async Task StateSettingPost_IsRetried()
    {
        _emu.Faults.Add(Fault.Status(503), "/api/deviceVoltage");
        await _client.Ports.UpdateVoltageAsync(2, PortVoltage.Volts15);
        Assert.Equal(2, _emu.Requests.ForPath("/api/deviceVoltage").Count);
        Assert.Equal(2, _emu.Port(2).VoltageCode);
    }

    [Fact]
    public async Task MalformedScalar_BecomesInvalidResponse()
    {
        _emu.Faults.Add(Fault.MalformedJson(), "/api/batteryVoltage");
        var exception = await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(() => _client.Power.GetBatteryVoltageAsync());
        Assert.Equal("InvalidResponse", exception.ErrorCode);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task PlainTextAnswer_IsAcceptedForScalars()
    {
        _emu.Faults.Add(Fault.Status(200, "ABC123\n", "text/plain"), "/api/serialNumber");
        Assert.Equal("ABC123", await _client.Device.GetSerialNumberAsync());
    }

    [Fact]
    public async Task MalformedObject_BecomesInvalidResponse()
    {
        _emu.Faults.Add(Fault.MalformedJson(), "/api/batterySaver");
        await Assert.ThrowsAsync<DigitalTwinInvalidResponseException>(() => _client.Power.GetBatterySaverAsync());
    }

    [Fact]
    public async Task WrongInterface_BecomesNotFound()
    {
        _emu.Faults.Add(Fault.Status(404, """{"code":"not_found","message":"unknown interface"}"""), "/api/interfacePriority/cellular");
        var exception = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => _client.Network.UpdateInterfacePriorityAsync(PreferredInterface.Cellular));
        Assert.Equal("not_found", exception.ErrorCode);
    }

    [Fact]
    public async Task UnreachableDevice_BecomesConnectionException()
    {
        var options = TestOptions.For(_emu);
        options.Retry.MaxRetries = 0;
        await _emu.DisposeAsync();
        var client = new ThreadEdgeClient(options);
        await Assert.ThrowsAnyAsync<DigitalTwinException>(() => client.Device.GetSerialNumberAsync());
        _emu = await ThreadEdgeEmulator.StartAsync();
    }

    [Fact]
    public async Task CallerCancellation_StaysOperationCanceled()
    {
        _emu.ResponseLatency = TimeSpan.FromSeconds(5);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.Device.GetTimeAsync(cts.Token));
    }
}
