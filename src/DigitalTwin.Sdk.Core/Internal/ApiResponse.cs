using System.Net;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>A parsed response value with the request id and status it came with.</summary>
internal readonly record struct ApiResponse<T>(T Value, HttpStatusCode Status, string? RequestId);
