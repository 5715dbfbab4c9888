using DigitalTwin.Sdk.Siemens.BuildingX.JsonApi;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Customers;

/// <summary>A customer the calling user has access to (<c>GET /me/customers</c>).</summary>
public sealed record Customer : JsonApiResource<CustomerAttributes>;
