using DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <content>The resource endpoints: header checks, select/filter/sort/pagination, list and get-by-id.</content>
public sealed partial class LifecycleTwinEmulator
{
    private const string Denied = "Authorization has been denied for this request.";
    private const int FlushEvery = 200;

    private async Task HandleResourceAsync(HttpContext context, ResourceSet resource, string? id)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method))
        {
            context.Response.Headers.Allow = "GET";
            await WriteMessageAsync(context, StatusCodes.Status405MethodNotAllowed, $"The requested resource does not support http method '{request.Method}'.").ConfigureAwait(false);
            return;
        }

        if (!IsAuthorized(request))
        {
            await WriteMessageAsync(context, StatusCodes.Status401Unauthorized, Denied).ConfigureAwait(false);
            return;
        }

        var clientName = request.Headers["clientname"].ToString();
        if (clientName.Length == 0)
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The clientname header is required.").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(clientName, ClientName, StringComparison.OrdinalIgnoreCase))
        {
            await WriteMessageAsync(context, StatusCodes.Status401Unauthorized, $"{Denied} Unknown client '{clientName}'.").ConfigureAwait(false);
            return;
        }

        SiteData? site = null;
        if (resource.SiteScoped)
        {
            var projectId = request.Headers["projectid"].ToString().Trim();
            if (projectId.Length == 0)
            {
                await WriteMessageAsync(context, StatusCodes.Status400BadRequest, "The projectid header is required for site-scoped resources.").ConfigureAwait(false);
                return;
            }

            if (!_sitesById.TryGetValue(projectId, out site))
            {
                await WriteMessageAsync(context, StatusCodes.Status404NotFound, $"Site '{projectId}' was not found.").ConfigureAwait(false);
                return;
            }
        }

        var selectText = Header(request, "select");
        if (selectText is null && resource.SelectRequired)
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, $"The select header is required for {resource.Name}.").ConfigureAwait(false);
            return;
        }

        var items = resource.Items(site);
        try
        {
            var selection = selectText is null ? null : SelectParser.Parse(selectText, resource.Schema);
            if (id is not null)
            {
                await WriteByIdAsync(context, resource, items, id, selection).ConfigureAwait(false);
                return;
            }

            var filterText = Header(request, "filter");
            var sortText = Header(request, "sort");
            var filter = filterText is null ? null : FilterCompiler.Compile(filterText, resource.Schema);
            var sort = sortText is null ? [] : SortParser.Parse(sortText, resource.Schema);
            var pagination = Header(request, "pagination") is { } paging ? Pagination.Parse(paging) : null;

            var key = QueryCache.Key(resource.Name, site?.Site.Id, filterText, sort);
            var matches = _queries.Run(key, items, filter, sort);
            var start = pagination is null ? 0 : Math.Min((long)pagination.Page * pagination.Size, matches.Length);
            var end = pagination is null ? matches.Length : Math.Min(start + pagination.Size, matches.Length);
            await WriteListAsync(context, resource, items, matches, (int)start, (int)end, selection).ConfigureAwait(false);
        }
        catch (QueryException ex)
        {
            await WriteMessageAsync(context, StatusCodes.Status400BadRequest, ex.Message).ConfigureAwait(false);
        }
    }

    /// <summary>Gets a query header; an empty or blank value counts as absent.</summary>
    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;

    private static Task WriteByIdAsync(HttpContext context, ResourceSet resource, IReadOnlyList<object> items, string id, Selection? selection)
    {
        var idField = resource.Schema.Find("Id")!;
        foreach (var item in items)
        {
            if (idField.Get(item) is string itemId && string.Equals(itemId, id, StringComparison.OrdinalIgnoreCase))
            {
                return WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
                {
                    writer.WriteStartArray();
                    EntityWriter.Write(writer, item, resource.Schema, selection);
                    writer.WriteEndArray();
                });
            }
        }

        return WriteMessageAsync(context, StatusCodes.Status404NotFound, $"{resource.EntityName} '{id}' was not found.");
    }

    private static async Task WriteListAsync(
        HttpContext context,
        ResourceSet resource,
        IReadOnlyList<object> items,
        int[] matches,
        int start,
        int end,
        Selection? selection)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = context.Response.BodyWriter;
        await using var writer = new System.Text.Json.Utf8JsonWriter(body, WriterOptions);
        writer.WriteStartArray();
        for (var i = start; i < end; i++)
        {
            EntityWriter.Write(writer, items[matches[i]], resource.Schema, selection);
            if ((i - start + 1) % FlushEvery == 0)
            {
                writer.Flush();
                await body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
