namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>APS OAuth scopes used with Tandem (space-separated in requests).</summary>
public static class ApsScopes
{
    /// <summary>Read data (every Tandem read).</summary>
    public const string DataRead = "data:read";

    /// <summary>Write data (e.g. stream ingest, property mutations).</summary>
    public const string DataWrite = "data:write";

    /// <summary>Create data.</summary>
    public const string DataCreate = "data:create";

    /// <summary>Search data.</summary>
    public const string DataSearch = "data:search";

    /// <summary>Read account data.</summary>
    public const string AccountRead = "account:read";

    /// <summary>Write account data.</summary>
    public const string AccountWrite = "account:write";

    /// <summary>Read the user's profile.</summary>
    public const string UserProfileRead = "user-profile:read";

    /// <summary>OpenID Connect: ask for an id token.</summary>
    public const string OpenId = "openid";
}
