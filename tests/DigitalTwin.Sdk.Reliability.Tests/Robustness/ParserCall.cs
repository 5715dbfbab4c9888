namespace DigitalTwin.Sdk.Reliability.Tests.Robustness;

/// <summary>One public client call that runs one response parser of a vendor package.</summary>
/// <param name="Name">What is parsed, for the report.</param>
/// <param name="Call">The call.</param>
public sealed record ParserCall(string Name, Func<CancellationToken, Task> Call);
