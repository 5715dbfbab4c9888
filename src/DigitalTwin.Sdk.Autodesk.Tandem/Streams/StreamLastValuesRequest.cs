namespace DigitalTwin.Sdk.Autodesk.Tandem.Streams;

/// <summary>The body of <c>POST timeseries/models/{modelID}/streams</c>: the stream keys whose last values to read.</summary>
/// <param name="Keys">Element keys of the streams.</param>
public sealed record StreamLastValuesRequest(IReadOnlyList<string> Keys);
