using System.Text.Json;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>A scalar value from a filter header, copied out of the parsed JSON.</summary>
/// <param name="Kind">JSON kind: string, number, true, false or null.</param>
/// <param name="Text">The string, or the number's JSON text.</param>
/// <param name="Number">The number (0 for other kinds).</param>
internal sealed record FilterValue(JsonValueKind Kind, string Text, double Number)
{
    public static FilterValue? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new FilterValue(JsonValueKind.String, element.GetString()!, 0),
        JsonValueKind.Number => element.TryGetDouble(out var number) && double.IsFinite(number)
            ? new FilterValue(JsonValueKind.Number, element.GetRawText(), number)
            : null,
        JsonValueKind.True => new FilterValue(JsonValueKind.True, "true", 0),
        JsonValueKind.False => new FilterValue(JsonValueKind.False, "false", 0),
        JsonValueKind.Null => new FilterValue(JsonValueKind.Null, string.Empty, 0),
        _ => null,
    };
}
