namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Entry point of the Autodesk Tandem Data API; fake it in host-app tests.</summary>
public interface ITandemClient
{
    /// <summary>Gets sign-in, tokens and revocation.</summary>
    ITandemAuthClient Auth { get; }

    /// <summary>Gets groups (accounts).</summary>
    ITandemGroupsClient Groups { get; }

    /// <summary>Gets twins, views and documents.</summary>
    ITandemTwinsClient Twins { get; }

    /// <summary>Gets element scan, schema and history.</summary>
    ITandemModelDataClient ModelData { get; }

    /// <summary>Gets streams (time series).</summary>
    ITandemStreamsClient Streams { get; }
}
