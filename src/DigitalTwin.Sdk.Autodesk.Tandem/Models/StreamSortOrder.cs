namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>Order of the readings returned by <c>GET timeseries/models/{modelID}/streams/{key}</c>.</summary>
public enum StreamSortOrder
{
    /// <summary>Oldest first (<c>sort=asc</c>).</summary>
    Ascending,

    /// <summary>Newest first (<c>sort=desc</c>).</summary>
    Descending,
}
