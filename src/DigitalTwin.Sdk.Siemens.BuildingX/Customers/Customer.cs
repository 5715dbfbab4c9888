
namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>A customer the calling user has access to (<c>GET /me/customers</c>).</summary>
public sealed record Customer : JsonApiResource<CustomerAttributes>;
