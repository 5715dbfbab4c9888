namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests;

/// <summary>Asserts that an async method throws at the call site, before returning a task (validation before sending).</summary>
internal static class SyncAssert
{
    public static T Throws<T>(Func<Task> call)
        where T : Exception =>
        Assert.Throws<T>(() => { _ = call(); });
}
