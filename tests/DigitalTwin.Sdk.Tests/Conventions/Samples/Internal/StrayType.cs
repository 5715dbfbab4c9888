namespace DigitalTwin.Sdk.Tests.Conventions.Samples.Internal;

/// <summary>A public type outside the package's public namespaces.</summary>
public sealed class StrayType;
