namespace DigitalTwin.Sdk.Samples.Scenarios;

/// <summary>
/// An emulator hosted by <c>serve</c>, with the settings (<c>DigitalTwin__&lt;Vendor&gt;__…</c> environment variables)
/// that point any client at it: the samples, a user's own app, or a vendor's published sample client.
/// </summary>
/// <param name="Emulator">The running emulator; disposing it stops it.</param>
/// <param name="Settings">Setting names and values, in the order they are written.</param>
/// <param name="RequestCount">Counts the requests the emulator has answered so far.</param>
internal sealed record ServedEmulator(
    IAsyncDisposable Emulator,
    IReadOnlyList<KeyValuePair<string, string>> Settings,
    Func<int> RequestCount);
