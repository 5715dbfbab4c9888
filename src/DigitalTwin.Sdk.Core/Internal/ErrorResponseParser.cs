using System.Net;
using System.Text.Json;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Reads vendor error bodies of every shape the supported APIs use: JSON:API <c>errors[]</c>, iTwin Platform
/// <c>{"error":{code,message,target}}</c>, OAuth <c>{"error","error_description"}</c>, RFC 7807 problem details,
/// Autodesk <c>{"developerMessage","errorCode"}</c> and ASP.NET <c>{"Message"}</c>.
/// </summary>
internal static class ErrorResponseParser
{
    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "Request-Id", "X-Correlation-Id", "x-ads-request-id", "x-ms-request-id"];

    public static string? ReadRequestId(HttpResponseMessage? response)
    {
        if (response is null)
        {
            return null;
        }

        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return value.Length <= 200 ? value : value[..200];
                    }
                }
            }
        }

        return null;
    }

    public static TimeSpan? ReadRetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public static ApiErrorInfo Parse(string vendor, HttpResponseMessage response, ReadOnlySpan<byte> body, TimeProvider time)
    {
        var info = new ApiErrorInfo(vendor, response.StatusCode)
        {
            RequestId = ReadRequestId(response),
            Method = response.RequestMessage?.Method.Method,
            Path = response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : null,
            RetryAfter = ReadRetryAfter(response, time),
            BodySummary = Redactor.SummarizeBody(body),
        };

        if (body.IsEmpty)
        {
            return info;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            return FromJson(info, document.RootElement);
        }
        catch (JsonException)
        {
            return info;
        }
    }

    private static ApiErrorInfo FromJson(ApiErrorInfo info, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return info;
        }

        // JSON:API: {"errors":[{id,status,code,title,detail,source:{pointer,parameter}}]}
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            var list = new List<ApiError>();
            foreach (var e in errors.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var source = e.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
                list.Add(new ApiError(Str(e, "status"), Str(e, "code"), Str(e, "title"), Str(e, "detail") ?? Str(e, "message"))
                {
                    Id = Str(e, "id"),
                    SourcePointer = source.ValueKind == JsonValueKind.Object ? Str(source, "pointer") : null,
                    SourceParameter = source.ValueKind == JsonValueKind.Object ? Str(source, "parameter") : null,

                    // Bentley Sensor Data Service: {"errors": [{"message", "path"}]}, the path naming what failed (e.g. observations[3]).
                    Target = Str(e, "path") ?? Str(e, "target"),
                });
            }

            if (list.Count > 0)
            {
                return info with { Errors = list, ErrorCode = list[0].Code, ErrorTitle = list[0].Title, ErrorDetail = list[0].Detail };
            }
        }

        if (root.TryGetProperty("error", out var error))
        {
            // iTwin Platform: {"error":{"code","message","target","details":[...]}}
            if (error.ValueKind == JsonValueKind.Object)
            {
                var primary = new ApiError(null, Str(error, "code"), Str(error, "message"), Str(error, "description")) { Target = Str(error, "target") };
                var list = new List<ApiError> { primary };
                if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
                {
                    foreach (var d in details.EnumerateArray())
                    {
                        if (d.ValueKind == JsonValueKind.Object)
                        {
                            list.Add(new ApiError(null, Str(d, "code"), Str(d, "message"), null) { Target = Str(d, "target") });
                        }
                    }
                }

                return info with { Errors = list, ErrorCode = primary.Code, ErrorTitle = primary.Title, ErrorDetail = primary.Detail };
            }

            // OAuth 2.0: {"error":"invalid_grant","error_description":"..."}
            if (error.ValueKind == JsonValueKind.String)
            {
                var e = new ApiError(null, error.GetString(), Str(root, "error_description"), null);
                return info with { Errors = [e], ErrorCode = e.Code, ErrorTitle = e.Title };
            }
        }

        // Autodesk: {"developerMessage","errorCode","moreInfo"}; RFC 7807: {"type","title","status","detail"}; ASP.NET: {"Message"}
        var code = Str(root, "errorCode") ?? Str(root, "code") ?? Str(root, "type");
        var title = Str(root, "title") ?? Str(root, "developerMessage") ?? Str(root, "message") ?? Str(root, "Message") ?? Str(root, "userMessage");
        var detail = Str(root, "detail") ?? Str(root, "MessageDetail") ?? Str(root, "ExceptionMessage");
        if (code is null && title is null && detail is null)
        {
            return info;
        }

        var single = new ApiError(Str(root, "status"), code, title, detail);
        return info with { Errors = [single], ErrorCode = code, ErrorTitle = title, ErrorDetail = detail };
    }

    private static string? Str(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return text is { Length: > 500 } ? text[..500] + "…" : text;
    }
}
