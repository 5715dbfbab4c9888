namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>Which kind of token <c>POST authentication/v2/revoke</c> revokes (<c>token_type_hint</c>).</summary>
public enum ApsTokenTypeHint
{
    /// <summary>An access token (<c>access_token</c>).</summary>
    AccessToken,

    /// <summary>A refresh token (<c>refresh_token</c>).</summary>
    RefreshToken,
}
