namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>An <see cref="ITandemTokenStore"/> that keeps the refresh token in memory only (lost on restart).</summary>
/// <remarks>Thread-safe. Register your own store to persist tokens.</remarks>
public sealed class InMemoryTandemTokenStore : ITandemTokenStore
{
    private volatile string? _refreshToken;

    /// <summary>Initializes the store.</summary>
    /// <param name="refreshToken">An initial refresh token, or <see langword="null"/>.</param>
    public InMemoryTandemTokenStore(string? refreshToken = null) => _refreshToken = refreshToken;

    /// <inheritdoc />
    public ValueTask<string?> GetRefreshTokenAsync(CancellationToken cancellationToken = default) => new(_refreshToken);

    /// <inheritdoc />
    public ValueTask SaveRefreshTokenAsync(string? refreshToken, CancellationToken cancellationToken = default)
    {
        _refreshToken = refreshToken;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => "InMemoryTandemTokenStore (" + (_refreshToken is null ? "empty" : "holds a refresh token") + ")";
}
