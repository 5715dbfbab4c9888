using System.Text.Json;

namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>
/// Lets a handshake (see <see cref="JsonRpcConnectionOptions.Handshake"/>) send requests on a new transport before it
/// is opened to ordinary traffic.
/// </summary>
public sealed class JsonRpcHandshakeContext
{
    private readonly Func<string, Action<Utf8JsonWriter>?, CancellationToken, Task<ReadOnlyMemory<byte>>> _invoke;

    internal JsonRpcHandshakeContext(bool isReconnect, Func<string, Action<Utf8JsonWriter>?, CancellationToken, Task<ReadOnlyMemory<byte>>> invoke)
    {
        IsReconnect = isReconnect;
        _invoke = invoke;
    }

    /// <summary>Gets a value indicating whether this handshake follows a dropped connection.</summary>
    public bool IsReconnect { get; }

    /// <summary>Gets the id the handshake asked the next request to carry, if it asked (<see cref="ContinueRequestIdsAt"/>).</summary>
    internal long? NextRequestId { get; private set; }

    /// <summary>
    /// Makes the first request after the handshake carry <paramref name="nextId"/>, and later ones count up from it:
    /// for a server that tells the client which id it expects next (its answer to the handshake names it).
    /// </summary>
    /// <param name="nextId">The id of the next request; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nextId"/> is negative.</exception>
    public void ContinueRequestIdsAt(long nextId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nextId);
        NextRequestId = nextId;
    }

    /// <summary>Sends a request on the new transport and parses its result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="writeParams">Writes the <c>params</c> value, or <see langword="null"/> to omit it.</param>
    /// <param name="parseResult">Parses the <c>result</c> JSON.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The parsed result.</returns>
    /// <exception cref="JsonRpcException">The server answered with an error.</exception>
    /// <exception cref="ConnectionLostException">The transport died.</exception>
    public async Task<TResult> InvokeAsync<TResult>(string method, Action<Utf8JsonWriter>? writeParams, JsonRpcResultParser<TResult> parseResult, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(parseResult);
        var json = await _invoke(method, writeParams, cancellationToken).ConfigureAwait(false);
        return parseResult(json.Span);
    }
}
