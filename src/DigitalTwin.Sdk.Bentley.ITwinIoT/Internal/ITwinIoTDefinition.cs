using System.Text.Json;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

/// <summary>What the core knows of iTwin IoT: names, request-id headers and the two error shapes of Bentley's APIs.</summary>
internal static class ITwinIoTDefinition
{
    /// <summary>Gets the definition.</summary>
    public static ClientDefinition Instance { get; } = new("ITwinIoT", ITwinIoTClient.VendorName, ITwinIoTOptions.SectionName)
    {
        ErrorParser = new BentleyErrorBodyParser(),
    };

    /// <summary>
    /// iTwin Platform APIs answer <c>{"error":{"code","message","target","details":[…]}}</c>; the Sensor Data Service
    /// answers <c>{"errors":[{"message","path"}]}</c>, the path naming what failed (e.g. <c>observations[3]</c>).
    /// </summary>
    private sealed class BentleyErrorBodyParser() : ErrorBodyParser(["X-Correlation-Id", "x-ms-request-id", "X-Request-Id", "Request-Id"])
    {
        protected override ApiErrorInfo ReadBody(ApiErrorInfo info, JsonElement root)
        {
            if (!root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return base.ReadBody(info, root);
            }

            var primary = new ApiError(null, ReadString(error, "code"), ReadString(error, "message"), ReadString(error, "description")) { Target = ReadString(error, "target") };
            var list = new List<ApiError> { primary };
            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in details.EnumerateArray())
                {
                    if (detail.ValueKind == JsonValueKind.Object)
                    {
                        list.Add(new ApiError(null, ReadString(detail, "code"), ReadString(detail, "message"), null) { Target = ReadString(detail, "target") });
                    }
                }
            }

            return WithErrors(info, list);
        }

        protected override ApiError ReadErrorObject(JsonElement element)
        {
            var error = base.ReadErrorObject(element);
            return error with
            {
                Detail = error.Detail ?? ReadString(element, "message"),
                Target = ReadString(element, "path") ?? ReadString(element, "target"),
            };
        }
    }
}
