using System.Net.Sockets;
using DigitalTwin.Sdk.Core.JsonRpc.Internal;

namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>
/// JSON-RPC over a byte stream (a TCP socket, a pipe) where messages are concatenated JSON values with no
/// length prefix or delimiter. Messages are cut incrementally with <see cref="System.Text.Json.Utf8JsonReader"/>,
/// not by counting braces.
/// </summary>
/// <remarks>Concurrency as documented on <see cref="IJsonRpcTransport"/>.</remarks>
public sealed class JsonStreamTransport : IJsonRpcTransport
{
    /// <summary>Default largest message accepted: 16 MiB.</summary>
    public const int DefaultMaxMessageSize = 16 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly IDisposable? _owner;
    private readonly JsonFrameSplitter _splitter;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="JsonStreamTransport"/> class.</summary>
    /// <param name="stream">A readable and writable stream.</param>
    /// <param name="maxMessageSize">Largest message accepted, in bytes.</param>
    /// <param name="owner">Disposed with the transport (for example the <see cref="TcpClient"/> owning the stream).</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessageSize"/> is not positive.</exception>
    public JsonStreamTransport(Stream stream, int maxMessageSize = DefaultMaxMessageSize, IDisposable? owner = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageSize);
        _stream = stream;
        _owner = owner;
        _splitter = new JsonFrameSplitter(maxMessageSize);
    }

    /// <summary>Opens a TCP connection and wraps it.</summary>
    /// <param name="host">Host name or address.</param>
    /// <param name="port">TCP port.</param>
    /// <param name="maxMessageSize">Largest message accepted, in bytes.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The connected transport.</returns>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty.</exception>
    /// <exception cref="SocketException">The connection could not be opened.</exception>
    public static async ValueTask<JsonStreamTransport> ConnectTcpAsync(string host, int port, int maxMessageSize = DefaultMaxMessageSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return new JsonStreamTransport(client.GetStream(), maxMessageSize, client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="System.Text.Json.JsonException">The stream carries invalid JSON; the stream cannot be resynchronised.</exception>
    /// <exception cref="InvalidDataException">A message exceeds the maximum size.</exception>
    /// <exception cref="EndOfStreamException">The peer closed the stream in the middle of a message.</exception>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_splitter.TryReadMessage(out var message))
            {
                return message;
            }

            var read = await _stream.ReadAsync(_splitter.GetReceiveBuffer(), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (_splitter.HasPartialMessage)
                {
                    throw new EndOfStreamException("The stream ended in the middle of a JSON message.");
                }

                return null;
            }

            _splitter.Advance(read);
        }
    }

    /// <inheritdoc />
    public void Abort()
    {
        if (_owner is not null)
        {
            _owner.Dispose();
        }

        _stream.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
        _splitter.Dispose();
    }
}
