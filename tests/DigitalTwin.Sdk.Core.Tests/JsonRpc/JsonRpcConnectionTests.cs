using System.Text;
using System.Text.Json;
using DigitalTwin.Sdk.Core.JsonRpc;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Core.Tests.JsonRpc;

public sealed class JsonRpcConnectionTests
{
    private static readonly JsonRpcResultParser<string> AsText = json => Encoding.UTF8.GetString(json);

    [Fact]
    public async Task InvokeAsync_AfterHandshake_UsesNextIdAndRoutesOutOfOrderResponses()
    {
        var server = new FakeServer();
        await using var connection = new JsonRpcConnection(server.Options(nextId: 100));

        var first = connection.InvokeAsync("a", null, AsText, CancellationToken.None);
        var second = connection.InvokeAsync("b", w => w.WriteNumberValue(7), AsText, CancellationToken.None);
        var wire = await server.AcceptAsync();
        var r1 = await wire.ReadRequestAsync();
        var r2 = await wire.ReadRequestAsync();
        var requestA = r1["method"]!.GetValue<string>() == "a" ? r1 : r2;
        var requestB = ReferenceEquals(requestA, r1) ? r2 : r1;
        wire.Result(requestB["id"]!.GetValue<long>(), "\"for b\"");
        wire.Result(requestA["id"]!.GetValue<long>(), "\"for a\"");

        Assert.Equal("\"for a\"", await first);
        Assert.Equal("\"for b\"", await second);
        Assert.Equal([100L, 101L], new[] { r1, r2 }.Select(r => r["id"]!.GetValue<long>()));
        Assert.Equal(7, requestB["params"]!.GetValue<int>());
        Assert.Null(requestA["params"]);
        Assert.Equal("2.0", requestA["jsonrpc"]!.GetValue<string>());
    }

    [Fact]
    public async Task Handshake_WithoutANamedId_IdsContinueAfterItsOwnRequests()
    {
        var server = new FakeServer();
        var options = server.Options();
        options.InitialRequestId = 5;
        options.Handshake = async (context, ct) => await context.InvokeAsync("hello", null, _ => 0, ct);
        await using var connection = new JsonRpcConnection(options);
        var call = connection.InvokeAsync("a", null, AsText, CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var wire = await server.AcceptRawAsync(cts.Token);
        var hello = await wire.ReadRequestAsync();
        wire.Result(hello["id"]!.GetValue<long>(), "{}");
        var request = await wire.ReadRequestAsync();
        wire.Result(request["id"]!.GetValue<long>(), "\"ok\"");

        Assert.Equal("\"ok\"", await call);
        Assert.Equal("hello", hello["method"]!.GetValue<string>());
        Assert.Equal(5L, hello["id"]!.GetValue<long>());
        Assert.Equal(6L, request["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task InvokeAsync_ErrorResponse_ThrowsJsonRpcExceptionWithCodeMessageAndData()
    {
        var server = new FakeServer();
        await using var connection = new JsonRpcConnection(server.Options());
        var call = connection.InvokeAsync("getData", null, AsText, CancellationToken.None);
        var wire = await server.AcceptAsync();
        var request = await wire.ReadRequestAsync();

        wire.Send("""{"jsonrpc":"2.0","id":ID,"error":{"code":-32602,"message":"Invalid params","data":{"param":"metric"}}}""".Replace("ID", request["id"]!.ToJsonString(), StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => call);

        Assert.Equal(-32602, error.Code);
        Assert.Equal("Invalid params", error.ErrorMessage);
        Assert.Equal("metric", error.ErrorData!.Value.GetProperty("param").GetString());
        Assert.Equal("getData", error.Method);
        Assert.Equal(request["id"]!.GetValue<long>(), error.RequestId);
    }

    [Fact]
    public async Task InvokeAsync_NoAnswer_ThrowsTimeoutAndLaterAnswerIsIgnored()
    {
        var server = new FakeServer();
        var options = server.Options();
        // The timeout applies to the follow-up call too: 1 s leaves its round trip room on a loaded machine (at 100 ms
        // it once timed out on CI while test assemblies were starting).
        options.RequestTimeout = TimeSpan.FromSeconds(1);
        await using var connection = new JsonRpcConnection(options);
        var accept = server.AcceptAsync();

        await Assert.ThrowsAsync<JsonRpcTimeoutException>(() => connection.InvokeAsync("slow", null, AsText, CancellationToken.None));
        var wire = await accept;
        var request = await wire.ReadRequestAsync();
        wire.Result(request["id"]!.GetValue<long>(), "1");
        var next = connection.InvokeAsync("next", null, AsText, CancellationToken.None);
        var nextRequest = await wire.ReadRequestAsync();
        wire.Result(nextRequest["id"]!.GetValue<long>(), "2");

        Assert.Equal("2", await next);
    }

    [Fact]
    public async Task Drop_WithCallInFlight_FailsItWithConnectionLost_ThenReconnectsForNewCalls()
    {
        var server = new FakeServer();
        await using var connection = new JsonRpcConnection(server.Options());
        var inFlight = connection.InvokeAsync("a", null, AsText, CancellationToken.None);
        var wire = await server.AcceptAsync();
        await wire.ReadRequestAsync();

        wire.Drop();
        await Assert.ThrowsAsync<ConnectionLostException>(() => inFlight.WaitAsync(TimeSpan.FromSeconds(5)));
        var later = connection.InvokeAsync("b", null, AsText, CancellationToken.None);
        var wire2 = await server.AcceptAsync();
        var request = await wire2.ReadRequestAsync();
        wire2.Result(request["id"]!.GetValue<long>(), "\"ok\"");

        Assert.Equal("\"ok\"", await later);
        Assert.Equal("b", request["method"]!.GetValue<string>());
        Assert.Equal(2, server.Connects);
    }

    [Fact]
    public async Task Stream_DroppedMidway_IsResentWithFreshParams_NonResumableStreamFails()
    {
        var server = new FakeServer();
        await using var connection = new JsonRpcConnection(server.Options());
        var lastSeen = 0;
        var resumable = connection.OpenStreamAsync(
            "getData",
            w => { w.WriteStartObject(); w.WriteNumber("after", lastSeen); w.WriteEndObject(); },
            json =>
            {
                using var doc = JsonDocument.Parse(json.ToArray());
                if (doc.RootElement.TryGetProperty("finished", out _))
                {
                    return JsonRpcFrame<int>.End;
                }

                lastSeen = doc.RootElement.GetProperty("n").GetInt32();
                return JsonRpcFrame<int>.FromItem(lastSeen);
            });
        var wire = await server.AcceptAsync();
        var stream = await resumable;
        var fragile = await connection.OpenStreamAsync("other", null, _ => JsonRpcFrame<int>.FromItem(1), new JsonRpcStreamOptions { ResumeOnReconnect = false });
        var first = await wire.ReadRequestAsync();
        await wire.ReadRequestAsync();
        wire.Result(first["id"]!.GetValue<long>(), """{"n":1}""");
        wire.Result(first["id"]!.GetValue<long>(), """{"n":2}""");
        await WaitUntilAsync(() => lastSeen == 2);

        wire.Drop();
        var wire2 = await server.AcceptAsync();
        var resent = await wire2.ReadRequestAsync();
        wire2.Result(resent["id"]!.GetValue<long>(), """{"n":3}""");
        wire2.Result(resent["id"]!.GetValue<long>(), """{"finished":true}""");
        var items = new List<int>();
        await foreach (var item in stream)
        {
            items.Add(item);
        }

        Assert.Equal([1, 2, 3], items);
        Assert.Equal(2, resent["params"]!["after"]!.GetValue<int>());
        Assert.Equal(1, stream.ResubscribeCount);
        await Assert.ThrowsAsync<ConnectionLostException>(async () =>
        {
            await foreach (var unused in fragile)
            {
            }
        });
    }

    [Fact]
    public async Task Stream_Disposed_SendsUnsubscribeWithItsId()
    {
        var server = new FakeServer();
        await using var connection = new JsonRpcConnection(server.Options());
        var opening = connection.OpenStreamAsync("subscribeData", null, _ => JsonRpcFrame<int>.FromItem(1), new JsonRpcStreamOptions { UnsubscribeMethod = "unsubscribeData" });
        var wire = await server.AcceptAsync();
        var stream = await opening;
        var subscribe = await wire.ReadRequestAsync();

        var disposing = stream.DisposeAsync().AsTask();
        var unsubscribe = await wire.ReadRequestAsync();
        wire.Result(unsubscribe["id"]!.GetValue<long>(), "true");
        await disposing;

        Assert.Equal("unsubscribeData", unsubscribe["method"]!.GetValue<string>());
        Assert.Equal(subscribe["id"]!.GetValue<long>(), unsubscribe["params"]!["id"]!.GetValue<long>());
        Assert.True(stream.IsCompleted);
    }

    [Theory]
    [InlineData(JsonRpcStreamFullMode.DropOldest)]
    [InlineData(JsonRpcStreamFullMode.Fail)]
    public async Task Stream_ConsumerTooSlow_AppliesFullMode(JsonRpcStreamFullMode mode)
    {
        var server = new FakeServer();
        await using var connection = new JsonRpcConnection(server.Options());
        var opening = connection.OpenStreamAsync("subscribeData", null, json => JsonRpcFrame<int>.FromItem(int.Parse(Encoding.UTF8.GetString(json), System.Globalization.CultureInfo.InvariantCulture)), new JsonRpcStreamOptions { Capacity = 2, FullMode = mode });
        var wire = await server.AcceptAsync();
        var stream = await opening;
        var request = await wire.ReadRequestAsync();
        for (var i = 1; i <= 5; i++)
        {
            wire.Result(request["id"]!.GetValue<long>(), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var ping = connection.InvokeAsync("time", null, AsText, CancellationToken.None);
        var pingRequest = await wire.ReadRequestAsync();
        wire.Result(pingRequest["id"]!.GetValue<long>(), "0");
        Assert.Equal("0", await ping);

        var items = new List<int>();
        if (mode == JsonRpcStreamFullMode.DropOldest)
        {
            await using var e = stream.GetAsyncEnumerator();
            Assert.True(await e.MoveNextAsync());
            items.Add(e.Current);
            Assert.True(await e.MoveNextAsync());
            items.Add(e.Current);
            Assert.Equal([4, 5], items);
            Assert.Equal(3, stream.DroppedItems);
        }
        else
        {
            await Assert.ThrowsAsync<JsonRpcStreamOverflowException>(async () =>
            {
                await foreach (var item in stream)
                {
                    items.Add(item);
                }
            });
            Assert.Equal([1, 2], items);
        }
    }

    [Fact]
    public async Task Reconnect_AllAttemptsRefused_ClosesForGood()
    {
        var server = new FakeServer();
        var options = server.Options();
        options.MaxReconnectAttempts = 3;
        await using var connection = new JsonRpcConnection(options);
        var connecting = connection.ConnectAsync();
        var wire = await server.AcceptAsync();
        await connecting;
        server.Refuse = true;
        wire.Drop();

        await Assert.ThrowsAsync<ConnectionLostException>(() => connection.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(JsonRpcConnectionState.Closed, connection.State);
        Assert.Equal(4, server.Connects);
        await Assert.ThrowsAsync<ConnectionLostException>(() => connection.InvokeAsync("x", null, AsText, CancellationToken.None));
    }

    [Fact]
    public async Task DisposeAsync_FailsInFlightCallsAndCompletes()
    {
        var server = new FakeServer();
        var connection = new JsonRpcConnection(server.Options());
        var call = connection.InvokeAsync("a", null, AsText, CancellationToken.None);
        var wire = await server.AcceptAsync();
        await wire.ReadRequestAsync();

        await connection.DisposeAsync();

        await Assert.ThrowsAsync<ConnectionLostException>(() => call);
        await connection.Completion;
        Assert.Equal(JsonRpcConnectionState.Closed, connection.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.InvokeAsync("b", null, AsText, CancellationToken.None));
    }

    [Fact]
    public async Task InitialConnect_HandshakeRefused_SurfacesJsonRpcException_AndNextCallRetries()
    {
        var server = new FakeServer();
        var options = server.Options();
        var refuse = true;
        options.Handshake = async (context, ct) =>
        {
            await context.InvokeAsync("authenticate", null, _ => 0, ct);
            context.ContinueRequestIdsAt(1);
        };
        await using var connection = new JsonRpcConnection(options);
        var connecting = connection.ConnectAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        async Task AnswerAsync()
        {
            var wire = await server.AcceptRawAsync(cts.Token);
            var auth = await wire.ReadRequestAsync();
            if (refuse)
            {
                wire.Send("""{"jsonrpc":"2.0","id":ID,"error":{"code":-32002,"message":"Authentication failed"}}""".Replace("ID", auth["id"]!.ToJsonString(), StringComparison.Ordinal));
            }
            else
            {
                wire.Result(auth["id"]!.GetValue<long>(), "{}");
            }
        }

        await AnswerAsync();
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => connecting);
        refuse = false;
        var retry = connection.ConnectAsync();
        await AnswerAsync();
        await retry;

        Assert.Equal(-32002, error.Code);
        Assert.Equal(JsonRpcConnectionState.Connected, connection.State);
    }
}
