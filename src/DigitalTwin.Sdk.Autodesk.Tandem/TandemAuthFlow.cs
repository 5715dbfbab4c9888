namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>How the client obtains APS access tokens.</summary>
public enum TandemAuthFlow
{
    /// <summary>Two-legged: client credentials with HTTP Basic client authentication (app context; the app must be added to the facility).</summary>
    TwoLegged,

    /// <summary>Three-legged: authorization code with PKCE, then single-use rotating refresh tokens kept in an <see cref="ITandemTokenStore"/> (user context).</summary>
    ThreeLegged,
}
