using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using System.Text;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests.Internal;

public sealed class PortRecordFramerTests
{
    [Fact]
    public void Append_RecordsAcrossFrames_AreReassembled()
    {
        var framer = new PortRecordFramer(["0D0A"]);
        Assert.Empty(framer.Append("seq=1,te"u8));
        Assert.Empty(framer.Append("mp=21\r"u8));
        var records = framer.Append("\nseq=2\r\nseq"u8);
        Assert.Equal(["seq=1,temp=21", "seq=2"], records.Select(r => r.Text));
        Assert.All(records, r => Assert.Equal("0D0A", r.DelimiterHex));
        Assert.Equal(3, framer.PendingLength);
    }

    [Fact]
    public void Append_LongerDelimiterSplitAcrossFrames_WinsOverShorterPrefix()
    {
        var framer = new PortRecordFramer(["0D", "0D0A"]);
        Assert.Empty(framer.Append("abc\r"u8));
        var records = framer.Append("\ndef\rg"u8);
        Assert.Equal(2, records.Count);
        Assert.Equal(("abc", "0D0A"), (records[0].Text, records[0].DelimiterHex));
        Assert.Equal(("def", "0D"), (records[1].Text, records[1].DelimiterHex));
    }

    [Fact]
    public void Append_EarliestDelimiterWins()
    {
        var framer = new PortRecordFramer(["3B", "0A"]);
        var records = framer.Append("a;b\nc;"u8);
        Assert.Equal(["a", "b", "c"], records.Select(r => r.Text));
        Assert.Equal(["3B", "0A", "3B"], records.Select(r => r.DelimiterHex));
    }

    [Fact]
    public void Append_LowercaseHexDelimiter_IsNormalized()
    {
        var framer = new PortRecordFramer(["0d0a"]);
        var record = Assert.Single(framer.Append("x\r\n"u8));
        Assert.Equal("0D0A", record.DelimiterHex);
        Assert.True(record.IsComplete);
    }

    [Fact]
    public void Append_EmptyRecordsBetweenDelimiters_AreKept()
    {
        var framer = new PortRecordFramer(["0A"]);
        Assert.Equal(["", "a", ""], framer.Append("\na\n\n"u8).Select(r => r.Text));
    }

    [Fact]
    public void Append_RunLongerThanMax_IsCutIntoIncompleteRecords()
    {
        var framer = new PortRecordFramer(["0A"], maxRecordLength: 4);
        var records = framer.Append("abcdefghij\n"u8);
        Assert.Equal(["abcd", "efgh", "ij"], records.Select(r => r.Text));
        Assert.Equal([false, false, true], records.Select(r => r.IsComplete));
    }

    [Fact]
    public void Flush_ReturnsLeftoverAsIncomplete()
    {
        var framer = new PortRecordFramer(["0A"]);
        framer.Append("partial"u8);
        var rest = framer.Flush();
        Assert.NotNull(rest);
        Assert.Equal("partial", rest.Text);
        Assert.False(rest.IsComplete);
        Assert.Null(framer.Flush());
    }

    [Fact]
    public void Append_BinaryDelimiter_Works()
    {
        var framer = new PortRecordFramer(["FF00"]);
        var records = framer.Append(new byte[] { 1, 2, 0xFF, 0x00, 3, 0xFF });
        Assert.Equal([1, 2], Assert.Single(records).Data.ToArray());
        Assert.Equal(2, framer.PendingLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0G")]
    public void Constructor_BadDelimiter_ThrowsNamingParameter(string delimiter)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new PortRecordFramer([delimiter]));
        Assert.Equal("delimitersHex", exception.ParamName);
    }

    [Fact]
    public void Constructor_NoDelimiters_Throws()
    {
        Assert.Equal("delimitersHex", Assert.ThrowsAny<ArgumentException>(() => new PortRecordFramer([])).ParamName);
        Assert.Equal("maxRecordLength", Assert.ThrowsAny<ArgumentException>(() => new PortRecordFramer(["0A"], 0)).ParamName);
    }

    [Fact]
    public void Append_ByteByByte_GivesSameRecordsAsAllAtOnce()
    {
        var input = Encoding.UTF8.GetBytes("one\r\ntwo\rthree\r\n\r\nfour\r");
        var whole = new PortRecordFramer(["0D0A", "0D"]).Append(input).Select(r => (r.Text, r.DelimiterHex)).ToList();
        var framer = new PortRecordFramer(["0D0A", "0D"]);
        var split = new List<(string, string?)>();
        foreach (var b in input)
        {
            split.AddRange(framer.Append([b]).Select(r => (r.Text, r.DelimiterHex)));
        }

        Assert.Equal(whole, split);

        // "four\r" stays pending: the next byte may still make it "four\r\n".
        Assert.Equal(["one", "two", "three", ""], whole.Select(r => r.Text));
        Assert.Equal(5, framer.PendingLength);
    }

    [Fact]
    public void TryRead_RecordsInsideOneChunk_AreSlicesOfIt()
    {
        var chunk = "a\r\nbb\r\n"u8.ToArray();
        var framer = new PortRecordFramer(["0D0A"]);
        framer.Push(chunk);
        Assert.True(framer.TryRead(out var first));
        Assert.True(framer.TryRead(out var second));
        Assert.False(framer.TryRead(out _));
        Assert.Equal(("a", "bb"), (first.Text, second.Text));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(second.Data, out var segment));
        Assert.Same(chunk, segment.Array);
        Assert.Equal(3, segment.Offset);
        Assert.Equal(0, framer.PendingLength);
    }

    [Fact]
    public void TryRead_RecordSpanningChunks_IsCopiedOnceAndTheRestSlicedAgain()
    {
        var framer = new PortRecordFramer(["0D0A"]);
        framer.Push("seq=1,te"u8.ToArray());
        Assert.False(framer.TryRead(out _));
        Assert.Equal(8, framer.PendingLength);
        var chunk = "mp=2\r\nseq=2\r\nseq=3"u8.ToArray();
        framer.Push(chunk);
        Assert.True(framer.TryRead(out var spanning));
        Assert.Equal("seq=1,temp=2", spanning.Text);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(spanning.Data, out var copied));
        Assert.NotSame(chunk, copied.Array);
        Assert.True(framer.TryRead(out var inside));
        Assert.Equal("seq=2", inside.Text);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(inside.Data, out var sliced));
        Assert.Same(chunk, sliced.Array);
        Assert.False(framer.TryRead(out _));
        Assert.Equal(5, framer.PendingLength);

        // The pending bytes are the framer's own: changing the chunk afterwards does not change them.
        chunk.AsSpan().Fill((byte)'x');
        Assert.Equal("seq=3", framer.Flush()!.Text);
    }

    [Fact]
    public void TryRead_DelimiterSplitAcrossChunks_WithRecordsOnBothSides()
    {
        var framer = new PortRecordFramer(["0D", "0D0A"], maxRecordLength: 6);
        var records = new List<(string, string?)>();
        foreach (var chunk in new[] { "ab\r", "\ncd\rxyz", "123456789\r\n", "\r" })
        {
            framer.Push(Encoding.UTF8.GetBytes(chunk));
            while (framer.TryRead(out var record))
            {
                records.Add((record.Text, record.DelimiterHex));
            }
        }

        Assert.Equal([("ab", "0D0A"), ("cd", "0D"), ("xyz123", null), ("456789", "0D0A")], records);
        Assert.Equal(1, framer.PendingLength);
    }
}
