namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>Turns the raw UTF-8 JSON of one <c>result</c> frame of a streaming request into an item and/or an end marker.</summary>
/// <typeparam name="TItem">The item type, often a batch of points parsed from one frame.</typeparam>
/// <param name="result">The <c>result</c> JSON of the frame; valid only during the call.</param>
/// <returns>What the frame carried.</returns>
/// <remarks>
/// Runs on the connection's receive loop, one frame at a time in arrival order (also across reconnects), so the
/// parser may keep state such as the last timestamp seen. Keep it fast and never block.
/// </remarks>
public delegate JsonRpcFrame<TItem> JsonRpcFrameParser<TItem>(ReadOnlySpan<byte> result);
