namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>Turns the raw UTF-8 JSON of a response's <c>result</c> member into a value.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
/// <param name="result">The <c>result</c> JSON; valid only during the call.</param>
/// <returns>The parsed value.</returns>
/// <remarks>Runs on the connection's receive loop: keep it fast and never block.</remarks>
public delegate TResult JsonRpcResultParser<out TResult>(ReadOnlySpan<byte> result);
