using DigitalTwin.Sdk.Siemens.BuildingX.JsonApi;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Points;

/// <summary>One measured or set value of a point at a time (<c>GET /points/{id}/values</c>).</summary>
public sealed record PointValue : JsonApiResource<PointValueAttributes>;
