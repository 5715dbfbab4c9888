using DigitalTwin.Sdk.Siemens.BuildingX.JsonApi;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Accounts;

/// <summary>The calling (machine) user, as <c>GET /me</c> returns it.</summary>
public sealed record Account : JsonApiResource<AccountAttributes>;
