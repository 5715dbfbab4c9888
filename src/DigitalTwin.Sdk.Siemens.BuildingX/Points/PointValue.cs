
namespace DigitalTwin.Sdk.Siemens.BuildingX.Models;

/// <summary>One measured or set value of a point at a time (<c>GET /points/{id}/values</c>).</summary>
public sealed record PointValue : JsonApiResource<PointValueAttributes>;
