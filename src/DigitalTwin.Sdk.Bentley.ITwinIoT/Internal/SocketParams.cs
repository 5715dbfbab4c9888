using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

/// <summary>Writes the <c>params</c> of each socket request exactly as the document shows them.</summary>
internal static class SocketParams
{
    public static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    public static void ProjectIds(Utf8JsonWriter writer, string? projectId)
    {
        if (projectId is not null)
        {
            writer.WriteStartArray("projectIds"u8);
            writer.WriteStringValue(projectId);
            writer.WriteEndArray();
        }
    }

    public static void EntityQuery(Utf8JsonWriter writer, string idsName, IReadOnlyList<string>? ids, string? projectId)
    {
        writer.WriteStartObject();
        if (ids is { Count: > 0 })
        {
            Strings(writer, idsName, ids);
        }

        ProjectIds(writer, projectId);
        writer.WriteEndObject();
    }

    public static void MetricParams(Utf8JsonWriter writer, IReadOnlyDictionary<string, MetricParameter>? parameters)
    {
        if (parameters is null)
        {
            return;
        }

        writer.WriteStartObject("params"u8);
        foreach (var (id, parameter) in parameters)
        {
            writer.WriteStartObject(id);
            writer.WritePropertyName("value"u8);
            if (parameter.Number is { } number)
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                writer.WriteStringValue(parameter.Text);
            }

            if (parameter.Unit is not null)
            {
                writer.WriteString("unit"u8, parameter.Unit);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a data query; <paramref name="resumeAfter"/> moves startDate forward to resume a cut stream.</summary>
    public static void Data(Utf8JsonWriter writer, DataQuery query, string? projectId, DateTimeOffset? resumeAfter)
    {
        writer.WriteStartObject();
        writer.WriteString("sensor"u8, query.SensorId);
        if (query.MetricId is not null)
        {
            writer.WriteString("metric"u8, query.MetricId);
        }

        if (query.UnitId is not null)
        {
            writer.WriteString("unit"u8, query.UnitId);
        }

        MetricParams(writer, query.Parameters);
        var start = query.StartDate;
        if (resumeAfter is { } resume && (start is null || resume > start))
        {
            // Inclusive start at the last timestamp received: the parser drops that one point again, so no gap and no duplicate.
            start = resume;
        }

        if (start is { } s)
        {
            writer.WriteString("startDate"u8, IsoTimestamp.Format(s));
        }

        if (query.EndDate is { } e)
        {
            writer.WriteString("endDate"u8, IsoTimestamp.Format(e));
        }

        if (query.Limit != DataLimit.None)
        {
            writer.WriteStartObject("limit"u8);
            writer.WriteString("function"u8, query.Limit == DataLimit.First ? "first"u8 : "last"u8);
            writer.WriteStartObject("params"u8);
            writer.WriteNumber("size"u8, 1);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        ProjectIds(writer, projectId);
        writer.WriteEndObject();
    }

    public static void Subscription(Utf8JsonWriter writer, DataSubscriptionRequest request, string? projectId)
    {
        writer.WriteStartObject();
        Strings(writer, "sensors", request.SensorIds);
        writer.WriteString("metric"u8, request.MetricId);
        writer.WriteString("unit"u8, request.UnitId);
        MetricParams(writer, request.Parameters);
        ProjectIds(writer, projectId);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{"&lt;name&gt;": [ids], "projectIds": [project]}</c> (metrics, units, summaries).</summary>
    public static void Ids(Utf8JsonWriter writer, string name, IReadOnlyList<string> ids, string? projectId)
    {
        writer.WriteStartObject();
        Strings(writer, name, ids);
        ProjectIds(writer, projectId);
        writer.WriteEndObject();
    }

    public static void Upload(Utf8JsonWriter writer, IReadOnlyList<ObservationUpload> observations, string? projectId)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("data"u8);
        foreach (var observation in observations)
        {
            Observation(writer, observation);
        }

        writer.WriteEndArray();
        ProjectIds(writer, projectId);
        writer.WriteEndObject();
    }

    /// <summary>Writes one observation as <c>{"sensorId", "timestamp", "values": {metric: value}}</c> (socket and REST uploads share it).</summary>
    public static void Observation(Utf8JsonWriter writer, ObservationUpload observation, Func<DateTimeOffset, string>? format = null)
    {
        writer.WriteStartObject();
        writer.WriteString("sensorId"u8, observation.SensorId);
        writer.WriteString("timestamp"u8, (format ?? IsoTimestamp.Format)(observation.Timestamp));
        writer.WriteStartObject("values"u8);
        foreach (var (metric, value) in observation.Values)
        {
            writer.WriteNumber(metric, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void Create(Utf8JsonWriter writer, string idName, string id, string type, string? observationType, JsonObject props, string? projectId)
    {
        writer.WriteStartObject();
        writer.WriteString(idName, id);
        if (observationType is not null)
        {
            writer.WriteString("observationType"u8, observationType);
        }

        writer.WriteString("type"u8, type);
        writer.WritePropertyName("props"u8);
        props.WriteTo(writer);
        ProjectIds(writer, projectId);
        writer.WriteEndObject();
    }

    public static void Update(Utf8JsonWriter writer, string idName, string id, JsonObject props, string? projectId)
    {
        writer.WriteStartObject();
        writer.WriteString(idName, id);
        writer.WritePropertyName("props"u8);
        props.WriteTo(writer);
        ProjectIds(writer, projectId);
        writer.WriteEndObject();
    }
}
