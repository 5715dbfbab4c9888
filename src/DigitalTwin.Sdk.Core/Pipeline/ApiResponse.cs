using System.Net;

namespace DigitalTwin.Sdk.Core.Pipeline;

/// <summary>A parsed response value with the request id and status it came with.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The parsed body.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="RequestId">The vendor's request id, if it sent one.</param>
public readonly record struct ApiResponse<T>(T Value, HttpStatusCode Status, string? RequestId);
