using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <content>Device port properties: <c>GET</c>, <c>PUT</c> and <c>DELETE /api/configure?port=N</c>.</content>
public sealed partial class ThreadEdgeEmulator
{
    private async Task GetConfigurationAsync(HttpContext ctx)
    {
        var port = await QueryPortAsync(ctx).ConfigureAwait(false);
        if (port is not null)
        {
            await Ok(ctx, port.CloneConfiguration()).ConfigureAwait(false);
        }
    }

    private async Task SetConfigurationAsync(HttpContext ctx)
    {
        var port = await QueryPortAsync(ctx).ConfigureAwait(false);
        var body = port is null ? null : await ReadObjectAsync(ctx).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (body.Count == 0)
        {
            await BadRequest(ctx, "set at least one configuration property").ConfigureAwait(false);
            return;
        }

        // Validate everything first so a bad property leaves the configuration untouched.
        foreach (var (key, value) in body)
        {
            var problem = CheckProperty(key, value);
            if (problem is not null)
            {
                await BadRequest(ctx, problem).ConfigureAwait(false);
                return;
            }
        }

        port!.UpdateConfiguration(configuration =>
        {
            foreach (var (key, value) in body)
            {
                configuration[key] = value?.DeepClone();
            }

            return configuration;
        });
        await Ok(ctx, port.CloneConfiguration()).ConfigureAwait(false);
    }

    private async Task RemoveConfigurationAsync(HttpContext ctx)
    {
        var port = await QueryPortAsync(ctx).ConfigureAwait(false);
        var body = port is null ? null : await ReadObjectAsync(ctx).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (body["resources"] is not JsonArray resources || resources.Count == 0)
        {
            await BadRequest(ctx, "resources must be a non-empty array of property names").ConfigureAwait(false);
            return;
        }

        var names = new List<string>();
        foreach (var item in resources)
        {
            var name = GetString(item);
            if (name is null || !ConfigurationKeys.Contains(name, StringComparer.Ordinal))
            {
                await BadRequest(ctx, "unknown configuration property: " + (item?.ToJsonString() ?? "null")).ConfigureAwait(false);
                return;
            }

            names.Add(name);
        }

        port!.UpdateConfiguration(configuration =>
        {
            foreach (var name in names)
            {
                configuration.Remove(name);
            }

            return configuration;
        });
        await Ok(ctx, port.CloneConfiguration()).ConfigureAwait(false);
    }

    private static string? CheckProperty(string key, JsonNode? value)
    {
        switch (key)
        {
            case "COMM_TYPE":
                var commType = GetString(value);
                return commType is not null && CommTypes.Contains(commType, StringComparer.Ordinal) ? null : "COMM_TYPE must be RS232, RS485 or USB";
            case "BAUD_RATE":
                return TryGetInt(value, allowString: false, out var baud) && baud > 0 ? null : "BAUD_RATE must be a positive integer";
            case "DATA_BITS":
                return TryGetInt(value, allowString: false, out var bits) && bits is >= 5 and <= 8 ? null : "DATA_BITS must be 5, 6, 7 or 8";
            case "PARITY_BIT":
                var parity = GetString(value);
                return parity is not null && Parities.Contains(parity, StringComparer.Ordinal) ? null : "PARITY_BIT must be NONE, ODD, EVEN, MARK or SPACE";
            case "DELIMITERS_HEX":
                return AreDelimiters(value) ? null : "DELIMITERS_HEX must be a hex string such as 0D0A, or an array of them";
            case "PORT":
                return TryGetInt(value, allowString: true, out var tcpPort) && tcpPort is >= 1 and <= 65535 ? null : "PORT must be a TCP port number (1-65535)";
            case "HOST":
                var host = GetString(value);
                return host is not null && Uri.CheckHostName(host) != UriHostNameType.Unknown ? null : "HOST must be a host name or IP address";
            default:
                return "unknown configuration property: " + key;
        }
    }

    private static bool AreDelimiters(JsonNode? value)
    {
        if (value is JsonArray array)
        {
            return array.Count > 0 && array.All(item => IsHex(GetString(item)));
        }

        return value is JsonValue json && json.GetValueKind() == JsonValueKind.String && IsHex(json.GetValue<string>());
    }

    private static bool IsHex(string? text) =>
        text is { Length: > 0 } && text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit);
}
