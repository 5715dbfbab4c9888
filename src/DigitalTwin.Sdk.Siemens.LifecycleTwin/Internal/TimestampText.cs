using System.Text.Json;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Reads Lifecycle Twin timestamps without depending on the machine's time zone.</summary>
internal static class TimestampText
{
    /// <summary>
    /// Reads an ISO 8601 timestamp. A timestamp without an offset (<c>2021-05-04T00:00:00</c>, <c>2021-05-04</c>) is taken
    /// as UTC rather than as the local time of whatever machine runs the SDK.
    /// </summary>
    /// <exception cref="JsonException">The token is not an ISO 8601 string.</exception>
    internal static DateTimeOffset Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException("Expected an ISO 8601 timestamp string.");
        }

        return HasExplicitOffset(reader.GetString()!) ? value : new DateTimeOffset(value.DateTime, TimeSpan.Zero);
    }

    private static bool HasExplicitOffset(string text)
    {
        // The date part has '-' too, so only look after the time separator.
        var time = text.IndexOf('T', StringComparison.Ordinal);
        return time >= 0 && text.AsSpan(time).IndexOfAny("Z+-") >= 0;
    }
}
