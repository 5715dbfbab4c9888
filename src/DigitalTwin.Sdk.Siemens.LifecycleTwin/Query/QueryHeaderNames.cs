namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Names of the HTTP headers that carry a Lifecycle Twin query. Lower-case, as sent on the wire
/// (HTTP header names are case-insensitive; the vendor doc also writes <c>Pagination</c>).
/// </summary>
public static class QueryHeaderNames
{
    /// <summary>The <c>select</c> header: the fields to populate, e.g. <c>{"Id", "Name"}</c>.</summary>
    public const string Select = "select";

    /// <summary>The <c>filter</c> header: a JSON filter, e.g. <c>{"equals":{"Name":"Pump"}}</c>.</summary>
    public const string Filter = "filter";

    /// <summary>The <c>sort</c> header: ordered sort keys, e.g. <c>{"Name": "descending"}</c>.</summary>
    public const string Sort = "sort";

    /// <summary>The <c>pagination</c> header: page number and size, e.g. <c>{"page" : 0, "size" : 20}</c>.</summary>
    public const string Pagination = "pagination";
}
