namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>The filter clause names as the builder writes them (lower case; the server accepts any case).</summary>
internal static class FilterClauseNames
{
    internal const string Contains = "contains";
    internal const string Any = "any";
    internal const string EndsWith = "ends_with";
    internal const string EqualTo = "equals";
    internal const string GreaterThan = "greater_than";
    internal const string GreaterThanOrEquals = "greater_than_or_equals";
    internal const string IsEmpty = "is_empty";
    internal const string LessThan = "less_than";
    internal const string LessThanOrEquals = "less_than_or_equals";
    internal const string StartsWith = "starts_with";
    internal const string In = "in";
}
