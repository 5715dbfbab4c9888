namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <summary>A serial device that sends back every byte it receives, in the same kind of frame.</summary>
public sealed class EchoSerialDevice : SimulatedSerialDevice
{
    /// <inheritdoc />
    protected internal override async ValueTask OnReceivedAsync(ReadOnlyMemory<byte> data, bool isText)
    {
        await base.OnReceivedAsync(data, isText).ConfigureAwait(false);
        await TransmitAsync(data, isText).ConfigureAwait(false);
    }
}
