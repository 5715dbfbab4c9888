namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>One JSON:API error object the emulator answers with.</summary>
internal sealed record EmulatorError(int Status, string Code, string Title, string? Detail = null, string? Parameter = null, string? Pointer = null);
