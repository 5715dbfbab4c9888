using System.Text;
using System.Text.Json;
using DigitalTwin.Sdk.Core.JsonRpc.Internal;

namespace DigitalTwin.Sdk.Core.Tests.JsonRpc;

public sealed class JsonFrameSplitterTests
{
    private const string Tricky = """{"a":"}{ \"quoted\" }","b":[1,{"c":"∆x"}],"d":"\u007d"}""";
    private const string Simple = """{"id":2,"result":{"time":"2024-01-01T00:00:00.000Z"}}""";
    private const string Array = """[{"x":1},{"y":"]"}]""";

    [Fact]
    public void TryReadMessage_StreamSplitAtEveryPosition_YieldsTheSameMessages()
    {
        var wire = Encoding.UTF8.GetBytes(Tricky + "\r\n " + Simple + Array);
        for (var split = 1; split < wire.Length; split++)
        {
            using var splitter = new JsonFrameSplitter(1024);
            var messages = new List<string>();
            Feed(splitter, wire.AsSpan(0, split), messages);
            Feed(splitter, wire.AsSpan(split), messages);

            Assert.Equal([Tricky, Simple, Array], messages);
        }
    }

    [Fact]
    public void TryReadMessage_OneByteAtATime_YieldsTheSameMessages()
    {
        var wire = Encoding.UTF8.GetBytes(Simple + Tricky);
        using var splitter = new JsonFrameSplitter(1024);
        var messages = new List<string>();
        for (var i = 0; i < wire.Length; i++)
        {
            Feed(splitter, wire.AsSpan(i, 1), messages);
        }

        Assert.Equal([Simple, Tricky], messages);
        Assert.False(splitter.HasPartialMessage);
    }

    [Fact]
    public void TryReadMessage_InvalidJson_Throws()
    {
        using var splitter = new JsonFrameSplitter(1024);
        var messages = new List<string>();

        Assert.ThrowsAny<JsonException>(() => Feed(splitter, "{\"a\":}"u8, messages));
    }

    [Fact]
    public void TryReadMessage_MessageLargerThanLimit_Throws()
    {
        using var splitter = new JsonFrameSplitter(32);
        var messages = new List<string>();

        Assert.Throws<InvalidDataException>(() => Feed(splitter, Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', 100)), messages));
    }

    [Fact]
    public void HasPartialMessage_TracksUnfinishedBytes()
    {
        using var splitter = new JsonFrameSplitter(1024);
        var messages = new List<string>();

        Feed(splitter, "{\"a\":1} {\"b\""u8, messages);

        Assert.Single(messages);
        Assert.True(splitter.HasPartialMessage);
    }

    private static void Feed(JsonFrameSplitter splitter, ReadOnlySpan<byte> bytes, List<string> messages)
    {
        var buffer = splitter.GetReceiveBuffer(bytes.Length);
        bytes.CopyTo(buffer.Span);
        splitter.Advance(bytes.Length);
        while (splitter.TryReadMessage(out var message))
        {
            messages.Add(Encoding.UTF8.GetString(message.Span));
        }
    }
}
