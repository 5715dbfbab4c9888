using System.Text.Json;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>What the core knows of Lifecycle Twin: its names and its error answers.</summary>
internal static class LifecycleTwinDefinition
{
    /// <summary>Gets the definition.</summary>
    public static ClientDefinition Instance { get; } = new("LifecycleTwin", ResourceReader.VendorName, LifecycleTwinOptions.SectionName)
    {
        ErrorParser = new LifecycleTwinErrorBodyParser(),
    };

    /// <summary>
    /// Lifecycle Twin runs on ASP.NET Web API: its errors are <c>{"Message", "MessageDetail", "ExceptionMessage"}</c>
    /// (the vendor guide's 401 and query-error examples); the token endpoint answers in the OAuth 2.0 shape.
    /// </summary>
    private sealed class LifecycleTwinErrorBodyParser : ErrorBodyParser
    {
        protected override ApiErrorInfo ReadBody(ApiErrorInfo info, JsonElement root)
        {
            var title = ReadString(root, "Message") ?? ReadString(root, "userMessage");
            var detail = ReadString(root, "MessageDetail") ?? ReadString(root, "ExceptionMessage");
            return title is null && detail is null
                ? base.ReadBody(info, root)
                : WithErrors(info, [new ApiError(null, ReadString(root, "code"), title, detail)]);
        }
    }
}
