using System.Text.Json;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>What the core knows of Tandem and APS: names, request-id header and error answers.</summary>
internal static class TandemDefinition
{
    /// <summary>Gets the definition.</summary>
    public static ClientDefinition Instance { get; } = new("Tandem", TandemClient.VendorName, TandemOptions.SectionName)
    {
        ErrorParser = new ApsErrorBodyParser(),
    };

    /// <summary>
    /// Autodesk Platform Services answer errors as <c>{"developerMessage", "errorCode", "moreInfo"}</c> and name the
    /// request in <c>x-ads-request-id</c>; the token endpoint uses the OAuth 2.0 shape the base class reads.
    /// </summary>
    private sealed class ApsErrorBodyParser() : ErrorBodyParser(["x-ads-request-id", "X-Request-Id", "Request-Id"])
    {
        protected override ApiErrorInfo ReadBody(ApiErrorInfo info, JsonElement root)
        {
            var message = ReadString(root, "developerMessage");
            return message is null
                ? base.ReadBody(info, root)
                : WithErrors(info, [new ApiError(null, ReadString(root, "errorCode"), message, ReadString(root, "moreInfo"))]);
        }
    }
}
