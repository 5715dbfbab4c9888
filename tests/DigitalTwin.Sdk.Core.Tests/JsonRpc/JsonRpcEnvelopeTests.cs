using System.Text;
using DigitalTwin.Sdk.Core.JsonRpc.Internal;

namespace DigitalTwin.Sdk.Core.Tests.JsonRpc;

public sealed class JsonRpcEnvelopeTests
{
    [Fact]
    public void TryParse_IdAfterResult_FindsBoth()
    {
        var json = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","result":{"successfullyProcessedObs":1},"id":4}""");

        Assert.True(JsonRpcEnvelope.TryParse(json, out var envelope));

        Assert.True(envelope.HasId);
        Assert.Equal(4, envelope.Id);
        Assert.Equal("""{"successfullyProcessedObs":1}""", Encoding.UTF8.GetString(json, envelope.ResultStart, envelope.ResultLength));
    }

    [Fact]
    public void TryParse_NumericStringId_IsAccepted()
    {
        Assert.True(JsonRpcEnvelope.TryParse("""{"jsonrpc":"2.0","id":"2","result":[]}"""u8, out var envelope));

        Assert.Equal(2, envelope.Id);
        Assert.True(envelope.HasResult);
    }

    [Fact]
    public void TryParse_ErrorWithData_ReadsCodeMessageData()
    {
        Assert.True(JsonRpcEnvelope.TryParse("""{"jsonrpc":"2.0","id":9,"error":{"code":-32602,"message":"bad","data":{"field":"metric"}}}"""u8, out var envelope));

        Assert.True(envelope.HasError);
        Assert.Equal(-32602, envelope.ErrorCode);
        Assert.Equal("bad", envelope.ErrorMessage);
        Assert.Equal("metric", envelope.ErrorData!.Value.GetProperty("field").GetString());
    }

    [Fact]
    public void TryParse_NullIdOrInvalidJson_IsReported()
    {
        Assert.True(JsonRpcEnvelope.TryParse("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"""u8, out var unrouted));
        Assert.False(unrouted.HasId);
        Assert.False(JsonRpcEnvelope.TryParse("{\"id\":"u8, out _));
        Assert.False(JsonRpcEnvelope.TryParse("[1,2]"u8, out _));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":3,"result":{"a":"}]{[","b":[1,{"c":"\"}"}]}}""", """{"a":"}]{[","b":[1,{"c":"\"}"}]}""")]
    [InlineData("""{ "result" : [ "x\\", {"y":"]"} ] , "jsonrpc":"2.0", "id" : 3 }  """, """[ "x\\", {"y":"]"} ]""")]
    [InlineData("""{"id":3,"result":{}}""", "{}")]
    public void TryParse_ContainerResult_FoundByBracketMatchingWithMembersAfterIt(string message, string result)
    {
        var json = Encoding.UTF8.GetBytes(message);

        Assert.True(JsonRpcEnvelope.TryParse(json, out var envelope));

        Assert.True(envelope.HasId);
        Assert.Equal(3, envelope.Id);
        Assert.Equal(result, Encoding.UTF8.GetString(json, envelope.ResultStart, envelope.ResultLength));
    }

    [Theory]
    [InlineData("""{"id":3,"result":{"a":[1,2}""")]
    [InlineData("""{"id":3,"result":{"a":"unterminated}}""")]
    [InlineData("""{"id":3,"result":{} garbage""")]
    [InlineData("""{"id":3,"result":{},"result":[]}""")]
    [InlineData("""{"id":3,"result":{},"id":}""")]
    [InlineData("""{"id":3,"result":{}} {}""")]
    public void TryParse_BrokenAroundContainerResult_IsReported(string message)
    {
        Assert.False(JsonRpcEnvelope.TryParse(Encoding.UTF8.GetBytes(message), out _));
    }

    [Fact]
    public void TryParse_ErrorAfterResultTail_IsRead()
    {
        Assert.True(JsonRpcEnvelope.TryParse("""{"result":[1],"id":5,"error":{"code":-1,"message":"m"}}"""u8, out var envelope));

        Assert.Equal(5, envelope.Id);
        Assert.True(envelope.HasError);
        Assert.Equal(-1, envelope.ErrorCode);
        Assert.Equal("m", envelope.ErrorMessage);
    }
}
