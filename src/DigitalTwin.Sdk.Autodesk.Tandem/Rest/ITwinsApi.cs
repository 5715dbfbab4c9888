using DigitalTwin.Sdk.Core.Http;
using Refit;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Rest;

/// <summary>
/// Tandem twins (facilities): <c>GET</c>/<c>HEAD twins/{twinID}</c>, <c>GET twins/{twinID}/views</c> and
/// <c>GET users/@me/twins</c>. The twin URN goes in the path with its colons unescaped, as the vendor documents write it,
/// so the declared path holds the <c>urn:adsk.dtt:</c> prefix and the parameter only the id (letters, digits,
/// <c>-</c>, <c>_</c>: nothing to escape). The optional <c>Region</c> header is not sent when <see langword="null"/>.
/// </summary>
[Headers("Accept: application/json")]
internal interface ITwinsApi
{
    [Get("/twins/urn:adsk.dtt:{twinId}")]
    Task<HttpResponseMessage> GetTwinAsync(
        string twinId,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Head("/twins/urn:adsk.dtt:{twinId}")]
    Task<HttpResponseMessage> TwinExistsAsync(
        string twinId,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    [Get("/twins/urn:adsk.dtt:{twinId}/views")]
    Task<HttpResponseMessage> GetViewsAsync(
        string twinId,
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);

    /// <summary>The twins of the signed-in user (a map of twin URN to settings).</summary>
    [Get("/users/@me/twins")]
    Task<HttpResponseMessage> GetMyTwinsAsync(
        [Header("Region")] string? region,
        [Property(DigitalTwinRequestOptions.OperationName)] string operation,
        CancellationToken cancellationToken);
}
