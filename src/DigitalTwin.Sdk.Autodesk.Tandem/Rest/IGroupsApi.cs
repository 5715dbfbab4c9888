using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Rest;

/// <summary>
/// Tandem groups (accounts): <c>GET groups</c>, <c>GET groups/{groupID}</c> and <c>GET groups/{groupID}/twins</c>. The
/// group URN goes in the path with its colons unescaped: the declared path holds the <c>urn:adsk.dtg:</c> prefix and the
/// parameter only the id. The optional <c>Region</c> header is not sent when <see langword="null"/>.
/// </summary>
[Headers("Accept: application/json")]
internal interface IGroupsApi
{
    [Get("/groups")]
    Task<HttpResponseMessage> GetGroupsAsync(
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/groups/urn:adsk.dtg:{groupId}")]
    Task<HttpResponseMessage> GetGroupAsync(
        string groupId,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary>The twins of a group (a map of twin URN to settings).</summary>
    [Get("/groups/urn:adsk.dtg:{groupId}/twins")]
    Task<HttpResponseMessage> GetGroupTwinsAsync(
        string groupId,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
