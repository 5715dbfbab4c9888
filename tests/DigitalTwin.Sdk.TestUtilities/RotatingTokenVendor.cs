using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Auth;

namespace DigitalTwin.Sdk.TestUtilities;

/// <summary>
/// A vendor's grant flow issuing one-hour tokens (or <see cref="Lifetime"/>) whose refresh token is single-use and rotates, as APS's do: a refresh
/// with any but the newest refresh token is refused with <c>invalid_grant</c> (and counted).
/// </summary>
public sealed class RotatingTokenVendor(TimeProvider clock) : ITokenSource
{
    private readonly object _gate = new();
    private string? _validRefresh;
    private int _requests;

    /// <summary>Gets how many token requests arrived (granted or refused).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Gets how many refreshes came with a refresh token already used.</summary>
    public int InvalidGrants { get; private set; }

    /// <summary>Gets or sets whether every request from now on is refused with <c>invalid_grant</c>.</summary>
    public bool RefuseNext { get; set; }

    /// <summary>Gets or sets the lifetime of the tokens issued.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets the last access token issued.</summary>
    public string? LastIssued { get; private set; }

    /// <inheritdoc />
    public ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var n = Interlocked.Increment(ref _requests);
            if (RefuseNext)
            {
                throw new DigitalTwinAuthenticationException(new ApiErrorInfo("Test", System.Net.HttpStatusCode.BadRequest) { ErrorCode = "invalid_grant" }, "refused");
            }

            if (_validRefresh is not null && current?.RefreshToken != _validRefresh)
            {
                InvalidGrants++;
                throw new DigitalTwinAuthenticationException(new ApiErrorInfo("Test", System.Net.HttpStatusCode.BadRequest) { ErrorCode = "invalid_grant" }, "refresh token already used");
            }

            _validRefresh = "refresh-" + n;
            LastIssued = "access-" + n;
            var now = clock.GetUtcNow();
            return new ValueTask<AccessToken>(new AccessToken(LastIssued, now + Lifetime, now, _validRefresh));
        }
    }
}
