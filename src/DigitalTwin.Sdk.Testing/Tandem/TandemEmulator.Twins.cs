using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.Tandem;

/// <content>Groups, twins, views.</content>
public sealed partial class TandemEmulator
{
    private const string ReadScope = "data:read";
    private const string WriteScope = "data:write";

    private void MapTwinEndpoints(WebApplication app)
    {
        app.MapGet(DataRoot + "/groups", GetGroupsAsync);
        app.MapGet(DataRoot + "/groups/{groupId}", GetGroupAsync);
        app.MapGet(DataRoot + "/groups/{groupId}/twins", GetGroupTwinsAsync);
        app.MapGet(DataRoot + "/users/@me/twins", GetMyTwinsAsync);
        app.MapGet(DataRoot + "/twins/{twinId}", GetTwinAsync);
        app.MapMethods(DataRoot + "/twins/{twinId}", ["HEAD"], HeadTwinAsync);
        app.MapGet(DataRoot + "/twins/{twinId}/views", GetViewsAsync);
    }

    private static JsonObject GroupNode() => new()
    {
        ["urn"] = TandemSeed.GroupId,
        ["name"] = "Autodesk Samples",
        ["accessLevel"] = "Owner",
    };

    private JsonObject TwinsByUrn()
    {
        lock (_dataGate)
        {
            return new JsonObject { [TandemSeed.TwinId] = _seed.Twin.DeepClone() };
        }
    }

    private async Task GetGroupsAsync(HttpContext context)
    {
        if (await AuthorizeDataAsync(context, ReadScope).ConfigureAwait(false))
        {
            await WriteJsonAsync(context, 200, new JsonArray(GroupNode())).ConfigureAwait(false);
        }
    }

    private async Task<bool> CheckGroupAsync(HttpContext context)
    {
        var groupId = (string)context.Request.RouteValues["groupId"]!;
        if (groupId == TandemSeed.GroupId)
        {
            return true;
        }

        if (groupId == (string?)_seed.ForbiddenTwin["accountGroup"])
        {
            await WriteApsErrorAsync(context, 403, "FORBIDDEN", "The request was successfully validated but it did not have the required permissions.").ConfigureAwait(false);
        }
        else
        {
            await WriteApsErrorAsync(context, 404, "NOT_FOUND", "The requested group was not found.").ConfigureAwait(false);
        }

        return false;
    }

    private async Task GetGroupAsync(HttpContext context)
    {
        if (await AuthorizeDataAsync(context, ReadScope).ConfigureAwait(false) && await CheckGroupAsync(context).ConfigureAwait(false))
        {
            await WriteJsonAsync(context, 200, GroupNode()).ConfigureAwait(false);
        }
    }

    private async Task GetGroupTwinsAsync(HttpContext context)
    {
        if (await AuthorizeDataAsync(context, ReadScope).ConfigureAwait(false) && await CheckGroupAsync(context).ConfigureAwait(false))
        {
            await WriteJsonAsync(context, 200, TwinsByUrn()).ConfigureAwait(false);
        }
    }

    private async Task GetMyTwinsAsync(HttpContext context)
    {
        if (await AuthorizeDataAsync(context, ReadScope).ConfigureAwait(false))
        {
            await WriteJsonAsync(context, 200, TwinsByUrn()).ConfigureAwait(false);
        }
    }

    /// <summary>Resolves the twin of the route: 200 for the seeded twin, 403 for the restricted one, 404 otherwise.</summary>
    private int TwinStatus(HttpContext context) => (string)context.Request.RouteValues["twinId"]! switch
    {
        TandemSeed.TwinId => 200,
        TandemSeed.ForbiddenTwinId => 403,
        _ => 404,
    };

    private static Task WriteTwinErrorAsync(HttpContext context, int status) => status == 403
        ? WriteApsErrorAsync(context, 403, "FORBIDDEN", "The request was successfully validated but it did not have the required permissions.")
        : WriteApsErrorAsync(context, 404, "NOT_FOUND", "The requested resource was not found. Check the URI of your request before you resend this request.");

    private async Task GetTwinAsync(HttpContext context)
    {
        if (!await AuthorizeDataAsync(context, ReadScope).ConfigureAwait(false))
        {
            return;
        }

        var status = TwinStatus(context);
        if (status != 200)
        {
            await WriteTwinErrorAsync(context, status).ConfigureAwait(false);
            return;
        }

        JsonNode twin;
        lock (_dataGate)
        {
            twin = _seed.Twin.DeepClone();
        }

        context.Response.Headers.ETag = "\"" + (string?)twin["etag"] + "\"";
        await WriteJsonAsync(context, 200, twin).ConfigureAwait(false);
    }

    private async Task HeadTwinAsync(HttpContext context)
    {
        if (!await AuthorizeDataAsync(context, ReadScope).ConfigureAwait(false))
        {
            return;
        }

        var status = TwinStatus(context);
        context.Response.StatusCode = status;
        if (status == 200)
        {
            context.Response.Headers.ETag = "\"" + (string?)_seed.Twin["etag"] + "\"";
        }
    }

    private async Task GetViewsAsync(HttpContext context)
    {
        if (!await AuthorizeDataAsync(context, ReadScope).ConfigureAwait(false))
        {
            return;
        }

        var status = TwinStatus(context);
        if (status != 200)
        {
            await WriteTwinErrorAsync(context, status).ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(context, 200, _seed.Views.DeepClone()).ConfigureAwait(false);
    }
}
