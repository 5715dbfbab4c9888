namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>The order of a sort key, written <c>ascending</c> or <c>descending</c> in the <c>sort</c> header.</summary>
public enum SortDirection
{
    /// <summary>Smallest first (<c>ascending</c>).</summary>
    Ascending = 0,

    /// <summary>Largest first (<c>descending</c>).</summary>
    Descending = 1,
}
