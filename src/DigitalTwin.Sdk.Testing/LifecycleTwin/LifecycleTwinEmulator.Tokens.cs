using DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <content>The token endpoint (<c>POST /api/token</c>) and access token checks.</content>
public sealed partial class LifecycleTwinEmulator
{
    private async Task HandleTokenAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await WriteMessageAsync(context, StatusCodes.Status405MethodNotAllowed, $"The requested resource does not support http method '{request.Method}'.").ConfigureAwait(false);
            return;
        }

        if (!request.HasFormContentType)
        {
            await WriteTokenErrorAsync(context, "invalid_request", "The request must be form-encoded (application/x-www-form-urlencoded).").ConfigureAwait(false);
            return;
        }

        var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (!string.Equals(form["client_id"], ClientId, StringComparison.Ordinal)
            || !string.Equals(form["client_secret"], ClientSecret, StringComparison.Ordinal))
        {
            await WriteTokenErrorAsync(context, "invalid_client", "The client credentials are invalid.").ConfigureAwait(false);
            return;
        }

        TokenGrant? grant;
        switch (form["grant_type"].ToString())
        {
            case "password":
                grant = string.Equals(form["username"], Username, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(form["password"], Password, StringComparison.Ordinal)
                    ? _tokens.IssueForPassword()
                    : null;
                if (grant is null)
                {
                    await WriteTokenErrorAsync(context, "invalid_grant", "The user name or password is incorrect.").ConfigureAwait(false);
                    return;
                }

                break;
            case "refresh_token":
                var refreshToken = form["refresh_token"].ToString();
                grant = refreshToken.Length == 0 ? null : _tokens.Redeem(refreshToken);
                if (grant is null)
                {
                    await WriteTokenErrorAsync(context, "invalid_grant", "The refresh token is invalid, revoked or already used.").ConfigureAwait(false);
                    return;
                }

                break;
            default:
                await WriteTokenErrorAsync(context, "unsupported_grant_type", "The grant_type must be 'password' or 'refresh_token'.").ConfigureAwait(false);
                return;
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        await WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("access_token", grant.AccessToken);
            writer.WriteString("token_type", "bearer");
            writer.WriteNumber("expires_in", grant.ExpiresIn);
            writer.WriteString("refresh_token", grant.RefreshToken);
            writer.WriteString("user_sid", UserSid);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static Task WriteTokenErrorAsync(HttpContext context, string error, string description) =>
        WriteJsonAsync(context, StatusCodes.Status400BadRequest, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteString("error_description", description);
            writer.WriteEndObject();
        });

    /// <summary>Accepts <c>Bearer &lt;token&gt;</c> (any case) and the bare token.</summary>
    private bool IsAuthorized(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString().Trim();
        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            value = value["Bearer ".Length..].Trim();
        }

        return value.Length > 0 && _tokens.IsValid(value);
    }
}
