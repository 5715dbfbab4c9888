namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>Tokens issued by one successful grant.</summary>
/// <param name="AccessToken">The access token.</param>
/// <param name="RefreshToken">The refresh token.</param>
/// <param name="ExpiresIn">Access token lifetime in seconds.</param>
internal sealed record TokenGrant(string AccessToken, string RefreshToken, long ExpiresIn);
