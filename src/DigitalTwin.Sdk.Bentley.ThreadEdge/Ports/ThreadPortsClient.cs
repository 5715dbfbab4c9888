using System.Collections.Concurrent;
using System.Globalization;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Rest;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>Implements <see cref="IThreadPortsClient"/> over the edge REST API (<see cref="IPortsApi"/>) and port WebSockets.</summary>
internal sealed class ThreadPortsClient(IPortsApi api, EdgeResponses responses) : IThreadPortsClient
{
    private readonly ConcurrentDictionary<ThreadPortSocket, byte> _open = new();
    private int _disposed;

    public Task<double> GetAdcReadingAsync(int port, AdcReadOption option, CancellationToken cancellationToken = default)
    {
        EdgeArguments.Port(port, nameof(port));
        EdgeArguments.Defined(option, nameof(option));
        return responses.ReadScalarAsync(api.ReadAdcAsync(port, (int)option, "ReadAdc", cancellationToken), static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);
    }

    public Task UpdateVoltageAsync(int port, PortVoltage voltage, CancellationToken cancellationToken = default)
    {
        EdgeArguments.Port(port, nameof(port));
        EdgeArguments.Defined(voltage, nameof(voltage));
        return responses.CompleteAsync(api.SetPortVoltageAsync(new DeviceVoltageRequest(port, voltage), "SetPortVoltage", idempotent: true, cancellationToken), cancellationToken);
    }

    public Task<double> GetLoopCurrentAsync(int port, CancellationToken cancellationToken = default)
    {
        EdgeArguments.Port(port, nameof(port));
        return responses.ReadScalarAsync(api.ReadLoopCurrentAsync(port, "ReadLoopCurrent", cancellationToken), static (b, t) => EdgeResponseReader.ReadDouble(b, t), cancellationToken);
    }

    public Task UpdateModeAsync(int port, PortMode mode, CancellationToken cancellationToken = default)
    {
        EdgeArguments.PortMode(port, mode, nameof(port), nameof(mode));
        return responses.CompleteAsync(api.SetPortModeAsync(new PortModeRequest(port, mode), "SetPortMode", idempotent: true, cancellationToken), cancellationToken);
    }

    public Task<PortConfiguration> GetConfigurationAsync(int port, CancellationToken cancellationToken = default)
    {
        EdgeArguments.Port(port, nameof(port));
        return responses.ReadJsonAsync(api.GetPortConfigurationAsync(port, "GetPortConfiguration", cancellationToken), ThreadEdgeJsonContext.Default.PortConfiguration, cancellationToken);
    }

    public Task UpdateConfigurationAsync(int port, PortConfiguration configuration, CancellationToken cancellationToken = default)
    {
        EdgeArguments.Port(port, nameof(port));
        EdgeArguments.Configuration(configuration, nameof(configuration));
        return responses.CompleteAsync(api.SetPortConfigurationAsync(port, configuration, "SetPortConfiguration", cancellationToken), cancellationToken);
    }

    public Task DeleteConfigurationAsync(int port, IEnumerable<PortConfigurationProperty> properties, CancellationToken cancellationToken = default)
    {
        EdgeArguments.Port(port, nameof(port));
        var list = EdgeArguments.Properties(properties, nameof(properties));
        return responses.CompleteAsync(api.RemovePortConfigurationAsync(port, new RemovePortConfigurationRequest(list), "RemovePortConfiguration", cancellationToken), cancellationToken);
    }

    public Task SendMessageAsync(int port, string message, CancellationToken cancellationToken = default)
    {
        EdgeArguments.Port(port, nameof(port));
        ArgumentException.ThrowIfNullOrEmpty(message);
        return responses.CompleteAsync(api.SendMessageAsync(new PortMessageRequest(port, message), "SendMessage", cancellationToken), cancellationToken);
    }

    public Task<bool> GetConnectionAsync(int port, CancellationToken cancellationToken = default)
    {
        EdgeArguments.Port(port, nameof(port));
        return responses.ReadScalarAsync(api.GetDeviceConnectionAsync(port, "GetDeviceConnection", cancellationToken), static (b, t) => EdgeResponseReader.ReadBoolean(b, t), cancellationToken);
    }

    public Task UpdateConnectionAsync(int port, bool enabled, CancellationToken cancellationToken = default)
    {
        EdgeArguments.Port(port, nameof(port));
        return responses.CompleteAsync(api.SetDeviceConnectionAsync(port, new DeviceConnectionRequest(enabled), "SetDeviceConnection", cancellationToken), cancellationToken);
    }

    public Uri GetSocketUri(int port)
    {
        EdgeArguments.Port(port, nameof(port));
        var path = string.Create(CultureInfo.InvariantCulture, $"ws/port/{port}");
        var baseUrl = responses.Runtime.Options.BaseUrl ?? throw new InvalidOperationException("BaseUrl is not configured.");
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
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return options is null
            ? OpenWithDeviceDelimitersAsync(port, uri, cancellationToken)
            : TrackAsync(ThreadPortSocket.ConnectAsync(uri, options, cancellationToken));
    }

    /// <summary>Closes every socket this client opened and the caller has not disposed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var socket in _open.Keys)
        {
            await socket.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<IThreadPortSocket> TrackAsync(Task<ThreadPortSocket> connecting)
    {
        var socket = await connecting.ConfigureAwait(false);
        _open.TryAdd(socket, 0);
        socket.OnDisposed(s => _open.TryRemove(s, out _));
        if (Volatile.Read(ref _disposed) != 0)
        {
            // The client was disposed while this socket was connecting.
            await socket.DisposeAsync().ConfigureAwait(false);
            throw new ObjectDisposedException(nameof(ThreadEdgeClient));
        }

        return socket;
    }

    private async Task<IThreadPortSocket> OpenWithDeviceDelimitersAsync(int port, Uri uri, CancellationToken cancellationToken)
    {
        var configuration = await GetConfigurationAsync(port, cancellationToken).ConfigureAwait(false);
        var options = new ThreadPortSocketOptions { TimeProvider = responses.Runtime.Time };
        if (configuration.DelimitersHex is { Count: > 0 } delimiters && delimiters.All(EdgeArguments.IsHex))
        {
            options.DelimitersHex = [.. delimiters];
        }

        return await TrackAsync(ThreadPortSocket.ConnectAsync(uri, options, cancellationToken)).ConfigureAwait(false);
    }
}
