namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>The body of <c>POST timeseries/models/{modelID}/streams</c>: the FULL keys of the streams whose last values to read.</summary>
/// <param name="Keys">Full element keys (base64url) of the streams.</param>
internal sealed record StreamLastValuesRequest(IReadOnlyList<string> Keys);
