namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>Every sample scenario, in the order <c>all</c> runs them.</summary>
internal static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new LifecycleTwinScenario(),
        new BuildingXScenario(),
        new TandemScenario(),
        new ITwinIoTScenario(),
        new ThreadEdgeScenario(),
    ];
}
