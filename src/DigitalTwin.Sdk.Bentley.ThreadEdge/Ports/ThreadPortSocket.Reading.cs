using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using System.Runtime.CompilerServices;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <content>Reading messages and delimiter-framed records.</content>
public sealed partial class ThreadPortSocket
{
    /// <summary>Reads the messages the device sends, as they arrive, until the socket is disposed.</summary>
    /// <param name="cancellationToken">Stops the enumeration (the socket stays open).</param>
    /// <returns>The messages, in order.</returns>
    /// <exception cref="InvalidOperationException">Another enumeration is already reading.</exception>
    /// <exception cref="DigitalTwin.Sdk.Core.DigitalTwinException">The socket failed for good (thrown by the enumerator).</exception>
    public IAsyncEnumerable<PortMessage> ReadMessagesAsync(CancellationToken cancellationToken = default)
    {
        EnterReader();
        return ReadMessagesCoreAsync(cancellationToken);
    }

    /// <summary>Reads what the device sends as records ended by delimiters (e.g. lines), whatever the frame boundaries.</summary>
    /// <param name="delimitersHex">Delimiters as hex (the port's <c>DELIMITERS_HEX</c>, e.g. <c>0D0A</c>); <see langword="null"/>
    /// uses <see cref="ThreadPortSocketOptions.DelimitersHex"/>.</param>
    /// <param name="cancellationToken">Stops the enumeration (the socket stays open).</param>
    /// <returns>The records, in order; when the socket closes, a last incomplete record holds any bytes left over.</returns>
    /// <exception cref="ArgumentException"><paramref name="delimitersHex"/> is empty or has an entry that is not even-length hex.</exception>
    /// <exception cref="InvalidOperationException">Another enumeration is already reading.</exception>
    public IAsyncEnumerable<PortRecord> ReadRecordsAsync(IEnumerable<string>? delimitersHex = null, CancellationToken cancellationToken = default)
    {
        var framer = new PortRecordFramer(delimitersHex ?? _options.DelimitersHex, _options.MaxRecordLength);
        EnterReader();
        return ReadRecordsCoreAsync(framer, cancellationToken);
    }

    private void EnterReader()
    {
        if (Interlocked.CompareExchange(ref _reading, 1, 0) != 0)
        {
            throw new InvalidOperationException("Another enumeration is already reading this port; read from one place at a time.");
        }
    }

    private async IAsyncEnumerable<PortMessage> ReadMessagesCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _inbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    private async IAsyncEnumerable<PortRecord> ReadRecordsCoreAsync(PortRecordFramer framer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _inbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // Records are framed in place: one wholly inside the message is a slice of its bytes (the message's array is
                // this socket's own and never changes), so no list per message and no copy per record.
                framer.Push(message.Data);
                while (framer.TryRead(out var record))
                {
                    yield return record;
                }
            }

            if (framer.Flush() is { } rest)
            {
                yield return rest;
            }
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }
}
