using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Ports;

/// <summary>Implements <see cref="IThreadPortsClient"/> over the edge REST API and port WebSockets.</summary>
internal sealed class ThreadPortsClient(EdgeTransport transport) : IThreadPortsClient
{
    public Task<double> ReadAdcAsync(int port, AdcReadOption option, CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.ReadAdc(port, option), "ReadAdc", static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public Task SetVoltageAsync(int port, PortVoltage voltage, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.SetPortVoltage(port, voltage), "SetPortVoltage", cancellationToken);

    public Task<double> ReadLoopCurrentAsync(int port, CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.ReadLoopCurrent(port), "ReadLoopCurrent", static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);

    public Task SetModeAsync(int port, PortMode mode, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.SetPortMode(port, mode), "SetPortMode", cancellationToken);

    public Task<PortConfiguration> GetConfigurationAsync(int port, CancellationToken cancellationToken = default) =>
        transport.ReadJsonAsync(EdgeRequests.GetPortConfiguration(port), "GetPortConfiguration", ThreadEdgeJsonContext.Default.PortConfiguration, cancellationToken);

    public Task SetConfigurationAsync(int port, PortConfiguration configuration, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.SetPortConfiguration(port, configuration), "SetPortConfiguration", cancellationToken);

    public Task RemoveConfigurationAsync(int port, IEnumerable<PortConfigurationProperty> properties, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.RemovePortConfiguration(port, properties), "RemovePortConfiguration", cancellationToken);

    public Task SendMessageAsync(int port, string message, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.SendMessage(port, message), "SendMessage", cancellationToken);

    public Task<bool> GetConnectionAsync(int port, CancellationToken cancellationToken = default) =>
        transport.ReadScalarAsync(EdgeRequests.GetDeviceConnection(port), "GetDeviceConnection", static (b, t) => EdgeResponseReader.ReadBoolean(b, t), cancellationToken);

    public Task SetConnectionAsync(int port, bool enabled, CancellationToken cancellationToken = default) =>
        transport.SendAsync(EdgeRequests.SetDeviceConnection(port, enabled), "SetDeviceConnection", cancellationToken);

    public Uri GetSocketUri(int port)
    {
        var path = EdgeRequests.PortSocketPath(port);
        var baseUrl = transport.Runtime.Options.BaseUrl ?? throw new InvalidOperationException("BaseUrl is not configured.");
        var builder = new UriBuilder(baseUrl)
        {
            Scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs,
        };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return new Uri(builder.Uri, path);
    }

    public Task<IThreadPortSocket> OpenSocketAsync(int port, ThreadPortSocketOptions? options = null, CancellationToken cancellationToken = default)
    {
        var uri = GetSocketUri(port);
        return options is null
            ? OpenWithDeviceDelimitersAsync(port, uri, cancellationToken)
            : AsInterfaceAsync(ThreadPortSocket.ConnectAsync(uri, options, cancellationToken));
    }

    private static async Task<IThreadPortSocket> AsInterfaceAsync(Task<ThreadPortSocket> connecting) =>
        await connecting.ConfigureAwait(false);

    private async Task<IThreadPortSocket> OpenWithDeviceDelimitersAsync(int port, Uri uri, CancellationToken cancellationToken)
    {
        var configuration = await GetConfigurationAsync(port, cancellationToken).ConfigureAwait(false);
        var options = new ThreadPortSocketOptions { TimeProvider = transport.Runtime.Time };
        if (configuration.DelimitersHex is { Count: > 0 } delimiters && delimiters.All(EdgeArguments.IsHex))
        {
            options.DelimitersHex = [.. delimiters];
        }

        return await ThreadPortSocket.ConnectAsync(uri, options, cancellationToken).ConfigureAwait(false);
    }
}
