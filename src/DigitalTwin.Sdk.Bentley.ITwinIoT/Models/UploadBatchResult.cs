namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>What the server did with one batch of a bulk upload.</summary>
/// <param name="BatchIndex">Zero-based batch number.</param>
/// <param name="Sent">Observations sent in the batch.</param>
/// <param name="Accepted">Observations the server reported as processed (<c>successfullyProcessedObs</c>).</param>
/// <param name="FirstItemIndex">Index (in the whole input) of the batch's first observation, to locate rejected ones.</param>
public sealed record UploadBatchResult(int BatchIndex, int Sent, int Accepted, long FirstItemIndex)
{
    /// <summary>Gets how many observations of the batch the server did not process.</summary>
    public int Rejected => Sent - Accepted;
}
