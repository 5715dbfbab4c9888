namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>The data region sent in the <c>Region</c> header of Tandem Data API requests.</summary>
public enum TandemRegion
{
    /// <summary>United States (<c>US</c>), the service default.</summary>
    US,

    /// <summary>Europe, Middle East and Africa (<c>EMEA</c>).</summary>
    EMEA,

    /// <summary>Australia (<c>AUS</c>).</summary>
    AUS,
}
