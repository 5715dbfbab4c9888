using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <content>LED, cloud connection and device connections.</content>
public sealed partial class ThreadEdgeEmulator
{
    private async Task SetAccessibleAsync(HttpContext ctx)
    {
        var body = await ReadObjectAsync(ctx).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!TryGetBoolean(body["value"], allowString: true, out var value))
        {
            await BadRequest(ctx, "value must be true or false").ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            _accessible = value;
        }

        await Ok(ctx, new JsonObject { ["value"] = value }).ConfigureAwait(false);
    }

    private async Task SetCloudConnectionAsync(HttpContext ctx)
    {
        var body = await ReadObjectAsync(ctx).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!TryGetBoolean(body["value"], allowString: true, out var value))
        {
            await BadRequest(ctx, "value must be true or false").ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            _cloudConnection = value;
        }

        await Ok(ctx, new JsonObject { ["value"] = value }).ConfigureAwait(false);
    }

    private async Task GetDeviceConnectionAsync(HttpContext ctx)
    {
        var port = await QueryPortAsync(ctx).ConfigureAwait(false);
        if (port is not null)
        {
            await Ok(ctx, new JsonObject { ["value"] = port.ConnectionEnabled }).ConfigureAwait(false);
        }
    }

    private async Task SetDeviceConnectionAsync(HttpContext ctx)
    {
        var port = await QueryPortAsync(ctx).ConfigureAwait(false);
        var body = port is null ? null : await ReadObjectAsync(ctx).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (!TryGetBoolean(body["value"], allowString: true, out var value))
        {
            await BadRequest(ctx, "value must be true or false").ConfigureAwait(false);
            return;
        }

        port!.ConnectionEnabled = value;
        await Ok(ctx, new JsonObject { ["value"] = value }).ConfigureAwait(false);
    }
}
