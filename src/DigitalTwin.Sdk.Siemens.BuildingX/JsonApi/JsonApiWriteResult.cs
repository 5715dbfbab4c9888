using System.Net;
using System.Text.Json;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>The outcome of a create, update or delete.</summary>
/// <param name="StatusCode">
/// <c>201 Created</c> (resource created, <see cref="Resource"/> and <see cref="Location"/> set), <c>200 OK</c> (updated,
/// <see cref="Resource"/> set), <c>202 Accepted</c> (queued for processing) or <c>204 No Content</c> (done, nothing returned).
/// A <c>409 Conflict</c> is thrown as <see cref="Core.DigitalTwinConflictException"/>.
/// </param>
/// <param name="Resource">The resource the service returned, if any.</param>
/// <param name="Meta">Top-level <c>meta</c> the service returned (e.g. with 202), if any.</param>
/// <param name="Location">The <c>Location</c> header of a 201, if any.</param>
/// <param name="RequestId">The response's <c>X-Request-Id</c>.</param>
public sealed record JsonApiWriteResult(HttpStatusCode StatusCode, JsonApiResource<JsonElement>? Resource, JsonElement? Meta, Uri? Location, string? RequestId)
{
    /// <summary>Gets a value indicating whether the service accepted the request for later processing (202).</summary>
    public bool IsAccepted => StatusCode == HttpStatusCode.Accepted;
}
