namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

/// <summary>
/// Tests that judge the client's pace in real time run on their own, after the parallel tests of this assembly, so
/// their timers do not queue behind the rest of the assembly's work on the shared thread pool.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PacingCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Building X pacing";
}
