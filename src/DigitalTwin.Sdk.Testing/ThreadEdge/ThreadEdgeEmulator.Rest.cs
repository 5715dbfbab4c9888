using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <content>The local REST API (<c>/api/...</c>).</content>
public sealed partial class ThreadEdgeEmulator
{
    private static readonly string[] CommTypes = ["RS232", "RS485", "USB"];
    private static readonly string[] PortModes = ["RS232", "RS485", "ANALOG", "USB", "OFF"];
    private static readonly string[] Parities = ["NONE", "ODD", "EVEN", "MARK", "SPACE"];
    private static readonly string[] ConfigurationKeys = ["COMM_TYPE", "BAUD_RATE", "DATA_BITS", "PARITY_BIT", "DELIMITERS_HEX", "PORT", "HOST"];

    private void MapRest(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/serialNumber", ctx => Ok(ctx, new JsonObject { ["value"] = SerialNumber }));
        app.MapGet("/api/time", ctx => Ok(ctx, new JsonObject { ["time"] = FormatTime(DeviceTime) }));
        app.MapPost("/api/time", SetTimeAsync);
        app.MapGet("/api/timeAccurate", ctx => Ok(ctx, new JsonObject { ["value"] = TimeAccurate }));
        app.MapGet("/api/chargeInputVoltage", ctx => Ok(ctx, new JsonObject { ["value"] = ChargeInputVoltage }));
        app.MapGet("/api/chargeInputCurrent", ctx => Ok(ctx, new JsonObject { ["value"] = ChargeInputCurrent }));
        app.MapGet("/api/batteryVoltage", ctx => Ok(ctx, new JsonObject { ["value"] = BatteryVoltage }));
        app.MapGet("/api/stateOfCharge", ctx => Ok(ctx, new JsonObject { ["value"] = StateOfCharge }));
        app.MapGet("/api/batterySaver", ctx => Ok(ctx, BatterySaverJson()));
        app.MapPut("/api/batterySaver", SetBatterySaverAsync);
        app.MapGet("/api/deviceAdcRead", ReadAdcAsync);
        app.MapPost("/api/deviceVoltage", SetDeviceVoltageAsync);
        app.MapPost("/api/sleep", SleepAsync);
        app.MapGet("/api/tempRead", ctx => Ok(ctx, new JsonObject { ["value"] = TemperatureCelsius }));
        app.MapGet("/api/pressRead", ctx => Ok(ctx, new JsonObject { ["value"] = Math.Round(AtmosphericPressurePascals / (IsV11OrOlder() ? 100 : 10), 5) }));
        app.MapGet("/api/deviceAdcRead420", ReadLoopCurrentAsync);
        app.MapPost("/api/deviceRsSel", SetPortModeAsync);
        app.MapPost("/api/observation", ctx =>
        {
            Interlocked.Increment(ref _ledFlashes);
            return Ok(ctx, []);
        });
        app.MapGet("/api/configure", GetConfigurationAsync);
        app.MapPut("/api/configure", SetConfigurationAsync);
        app.MapDelete("/api/configure", RemoveConfigurationAsync);
        app.MapGet("/api/interfacePriority", ctx => Ok(ctx, new JsonObject { ["content"] = PreferredInterface }));
        app.MapPut("/api/interfacePriority/{name}", SetInterfacePriorityAsync);
        app.MapPost("/api/message", SendMessageAsync);
        app.MapGet("/api/version", ctx => Ok(ctx, new JsonObject { ["value"] = ApplicationVersion }));
        app.MapGet("/api/firmware", ctx => Ok(ctx, new JsonObject { ["value"] = FirmwareVersion }));
        app.MapGet("/api/hardware", ctx => Ok(ctx, new JsonObject { ["value"] = HardwareVersion }));
        app.MapPost("/api/update", UpdateAsync);
        app.MapPost("/api/accessible", SetAccessibleAsync);
        app.MapGet("/api/cloudConnection", ctx => Ok(ctx, new JsonObject { ["value"] = CloudConnection }));
        app.MapPut("/api/cloudConnection", SetCloudConnectionAsync);
        app.MapGet("/api/deviceConnection", GetDeviceConnectionAsync);
        app.MapPut("/api/deviceConnection", SetDeviceConnectionAsync);
    }

    private async Task SetTimeAsync(HttpContext ctx)
    {
        var body = await ReadObjectAsync(ctx).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (body["time"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            await BadRequest(ctx, "time must be an ISO 8601 date time").ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _clockOffset = time - now;
            _syncCompleteAt = now + TimeSpan.FromSeconds(1);
        }

        await Ok(ctx, new JsonObject { ["time"] = FormatTime(time) }).ConfigureAwait(false);
    }

    private async Task SetBatterySaverAsync(HttpContext ctx)
    {
        var body = await ReadObjectAsync(ctx).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!TryGetBoolean(body["value"], allowString: false, out var enabled))
        {
            await BadRequest(ctx, "value must be true or false").ConfigureAwait(false);
            return;
        }

        var hasLow = body.ContainsKey("low");
        var hasHigh = body.ContainsKey("high");
        if (hasLow != hasHigh)
        {
            await BadRequest(ctx, "low and high must both be present or both be absent").ConfigureAwait(false);
            return;
        }

        int low = 10, high = 100;
        if (hasLow)
        {
            if (!TryGetInt(body["low"], allowString: false, out low) || low is < 0 or > 40)
            {
                await BadRequest(ctx, "low must be between 0-40 inclusive").ConfigureAwait(false);
                return;
            }

            if (!TryGetInt(body["high"], allowString: false, out high) || high is < 60 or > 100)
            {
                await BadRequest(ctx, "high must be between 60-100 inclusive").ConfigureAwait(false);
                return;
            }
        }
        else if (!enabled)
        {
            (low, high) = (0, 100);
        }

        lock (_gate)
        {
            (_batterySaverEnabled, _batterySaverLow, _batterySaverHigh) = (enabled, low, high);
        }

        await Ok(ctx, BatterySaverJson()).ConfigureAwait(false);
    }

    private async Task ReadAdcAsync(HttpContext ctx)
    {
        var port = await QueryPortAsync(ctx).ConfigureAwait(false);
        if (port is null)
        {
            return;
        }

        var option = ctx.Request.Query["option"].ToString();
        if (option is not ("0" or "1"))
        {
            await BadRequest(ctx, "option must be 0 (voltage) or 1 (current)").ConfigureAwait(false);
            return;
        }

        var code = port.VoltageCode;
        var value = option == "0"
            ? code switch { 1 => 12.0184, 2 => 15.0127, _ => 0.0031 }
            : code != 0 && port.Device is not null ? 0.0452 : 0.0;
        await Ok(ctx, new JsonObject { ["value"] = value }).ConfigureAwait(false);
    }

    private async Task SetDeviceVoltageAsync(HttpContext ctx)
    {
        var body = await ReadObjectAsync(ctx).ConfigureAwait(false);
        var port = body is null ? null : await BodyPortAsync(ctx, body, allowString: false).ConfigureAwait(false);
        if (port is null)
        {
            return;
        }

        if (!TryGetInt(body!["value"], allowString: false, out var value) || value is < 0 or > 2)
        {
            await BadRequest(ctx, "value must be 0 (off), 1 (12v) or 2 (15v)").ConfigureAwait(false);
            return;
        }

        port.VoltageCode = value;
        await Ok(ctx, new JsonObject { ["portNumber"] = port.Number, ["value"] = value }).ConfigureAwait(false);
    }

    private async Task SleepAsync(HttpContext ctx)
    {
        var body = await ReadObjectAsync(ctx).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (body["duration"] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number
            || !value.TryGetValue<long>(out var duration) || duration <= 0)
        {
            await BadRequest(ctx, "duration must be a positive number of milliseconds").ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            _sleeps.Add(duration);
        }

        await Ok(ctx, new JsonObject { ["duration"] = duration }).ConfigureAwait(false);
    }

    private async Task ReadLoopCurrentAsync(HttpContext ctx)
    {
        var port = await QueryPortAsync(ctx).ConfigureAwait(false);
        if (port is not null)
        {
            await Ok(ctx, new JsonObject { ["value"] = port.LoopCurrentAmps }).ConfigureAwait(false);
        }
    }

    private async Task SetPortModeAsync(HttpContext ctx)
    {
        var body = await ReadObjectAsync(ctx).ConfigureAwait(false);
        var port = body is null ? null : await BodyPortAsync(ctx, body, allowString: false).ConfigureAwait(false);
        if (port is null)
        {
            return;
        }

        var mode = GetString(body!["content"]);
        if (mode is null || !PortModes.Contains(mode, StringComparer.Ordinal))
        {
            await BadRequest(ctx, "content must be one of RS232, RS485, ANALOG, USB, OFF").ConfigureAwait(false);
            return;
        }

        if (mode == "USB" && port.Number != 1)
        {
            await BadRequest(ctx, "USB is only supported on port 1").ConfigureAwait(false);
            return;
        }

        port.Mode = mode;
        await Ok(ctx, new JsonObject { ["portNumber"] = port.Number, ["content"] = mode }).ConfigureAwait(false);
    }

    private async Task SendMessageAsync(HttpContext ctx)
    {
        var body = await ReadObjectAsync(ctx).ConfigureAwait(false);

        // The doc's own curl example sends portNumber as a string ("1"); the device takes both.
        var port = body is null ? null : await BodyPortAsync(ctx, body, allowString: true).ConfigureAwait(false);
        if (port is null)
        {
            return;
        }

        var message = GetString(body!["message"]);
        if (message is null)
        {
            await BadRequest(ctx, "message must be a string").ConfigureAwait(false);
            return;
        }

        await port.ReceiveFromHostAsync(Encoding.UTF8.GetBytes(message), isText: true).ConfigureAwait(false);
        await Ok(ctx, []).ConfigureAwait(false);
    }

    private async Task SetInterfacePriorityAsync(HttpContext ctx)
    {
        var name = ctx.Request.RouteValues["name"] as string;
        var device = name switch
        {
            "cellular" => "ppp0",
            "ethernet" => "eth0",
            _ => null,
        };
        if (device is null)
        {
            await Respond(ctx, StatusCodes.Status404NotFound, Error("not_found", "unknown interface; use cellular or ethernet")).ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            _preferredInterface = device;
        }

        await Ok(ctx, new JsonObject { ["content"] = device }).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext ctx)
    {
        var query = ctx.Request.Query;
        var hasVersion = query.ContainsKey("version");
        var hasFile = query.ContainsKey("file");
        string entry;
        string? version;
        if (hasVersion && hasFile)
        {
            await BadRequest(ctx, "give either version or file, not both").ConfigureAwait(false);
            return;
        }

        if (hasVersion)
        {
            version = query["version"].ToString();
            if (!IsVersion(version))
            {
                await BadRequest(ctx, "version must look like 7.18.0").ConfigureAwait(false);
                return;
            }

            entry = "version:" + version;
        }
        else if (hasFile)
        {
            var file = query["file"].ToString();
            if (!file.StartsWith('/') || file.Length < 2)
            {
                await BadRequest(ctx, "file must be a full absolute path on the THREAD filesystem").ConfigureAwait(false);
                return;
            }

            entry = "file:" + file;
            var name = Path.GetFileNameWithoutExtension(file);
            var dash = name.LastIndexOf('-');
            version = dash >= 0 && IsVersion(name[(dash + 1)..]) ? name[(dash + 1)..] : null;
        }
        else
        {
            entry = "latest";
            version = _options.LatestCloudVersion;
        }

        lock (_gate)
        {
            _updates.Add(entry);
            _applicationVersion = version ?? _applicationVersion;
        }

        await Ok(ctx, []).ConfigureAwait(false);
    }

    private JsonObject BatterySaverJson()
    {
        var (enabled, low, high) = BatterySaver;
        return new JsonObject { ["value"] = enabled, ["low"] = low, ["high"] = high };
    }
}
