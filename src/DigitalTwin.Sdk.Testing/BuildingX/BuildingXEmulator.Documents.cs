using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.BuildingX.Internal;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.BuildingX;

/// <content>Writing JSON:API documents, error objects and links.</content>
public sealed partial class BuildingXEmulator
{
    private static Task WriteDocumentAsync(HttpContext context, int status, JsonObject? document)
    {
        context.Response.StatusCode = status;
        if (document is null)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = JsonApiMediaType;
        return context.Response.WriteAsync(document.ToJsonString(), context.RequestAborted);
    }

    private static Task WriteErrorsAsync(HttpContext context, string requestId, EmulatorErrorException exception)
    {
        var errors = new JsonArray();
        for (var i = 0; i < exception.Errors.Count; i++)
        {
            var error = exception.Errors[i];

            // The guide's example shows the first error's id equal to the X-Request-Id of the response.
            var item = new JsonObject
            {
                ["id"] = i == 0 ? requestId : requestId + "-" + i.ToString(CultureInfo.InvariantCulture),
                ["status"] = error.Status.ToString(CultureInfo.InvariantCulture),
                ["code"] = error.Code,
                ["title"] = error.Title,
            };
            if (error.Detail is not null)
            {
                item["detail"] = error.Detail;
            }

            if (error.Parameter is not null)
            {
                item["source"] = new JsonObject { ["parameter"] = error.Parameter };
            }
            else if (error.Pointer is not null)
            {
                item["source"] = new JsonObject { ["pointer"] = error.Pointer };
            }

            errors.Add(item);
        }

        return WriteDocumentAsync(context, exception.Status, new JsonObject { ["errors"] = errors });
    }

    /// <summary>
    /// A link to <paramref name="relative"/> (<c>{api}/{path}</c>) with a query string: relative to the API, as the
    /// vendor's examples show (<c>/partitions/...</c>, <c>/me/usergroups?...</c>), or absolute.
    /// </summary>
    private string Link(string relative, string queryString)
    {
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        var path = slash < 0 ? string.Empty : relative[slash..];
        return _options.AbsoluteLinks
            ? new Uri(BaseUri, ApiRootPath.TrimStart('/') + relative).ToString() + queryString
            : path + queryString;
    }

    /// <summary>The query of the next page: the request's parameters with a new cursor (and, like the service, no include).</summary>
    private string NextQuery(IQueryCollection query, int offset)
    {
        var builder = new StringBuilder();
        foreach (var (key, values) in query)
        {
            if (key == "page[cursor]" || (key == "include" && _options.DropIncludeFromNextLinks))
            {
                continue;
            }

            Append(builder, key, values.ToString());
        }

        Append(builder, "page[cursor]", EmulatedQuery.EncodeCursor(offset));
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string key, string value)
    {
        builder.Append(builder.Length == 0 ? '?' : '&');
        builder.Append(Uri.EscapeDataString(key).Replace("%5B", "[", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal));
        builder.Append('=');
        builder.Append(Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal));
    }
}
