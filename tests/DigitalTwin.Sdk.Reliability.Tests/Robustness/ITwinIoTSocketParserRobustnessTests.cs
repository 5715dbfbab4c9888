using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.JsonRpc;
using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using Xunit.Abstractions;

namespace DigitalTwin.Sdk.Reliability.Tests.Robustness;

/// <summary>
/// The iTwin IoT socket client's result parsers under 10,000 seeded mutations each of the emulator's real answers:
/// every call succeeds or throws a <see cref="DigitalTwinException"/>. Results are replayed in memory inside an intact
/// JSON-RPC envelope; a mutation that makes the whole message invalid JSON is not sent (the engine drops such a message
/// unrouted, which is the timeout path), and seeds are drawn until 10,000 well-formed messages per parser ran.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ITwinIoTSocketParserRobustnessTests(ITestOutputHelper output)
{
    private const int SeedBase = 6;
    private const int MaxSeedsPerParser = 400_000;

    [Fact]
    public async Task MutatedResults_SucceedOrThrowDigitalTwinException()
    {
        var calls = Calls();
        var recorded = await RecordAsync(calls);
        var replay = new JsonRpcReplayTransport();
        await using var client = new ITwinIoTSocketClient(new ITwinIoTSocketOptions
        {
            ApiKey = "replay-key-0000",
            TransportFactory = _ => ValueTask.FromResult<IJsonRpcTransport>(replay),
            RequestTimeout = TimeSpan.FromSeconds(10),
            KeepAliveInterval = Timeout.InfiniteTimeSpan,
        });
        var failures = new List<string>();
        for (var c = 0; c < calls.Count; c++)
        {
            var (name, call) = calls[c];
            int ran = 0, ok = 0, typed = 0, skipped = 0, seed = (SeedBase * 1_000_000) + (c * 100_000) - 1;
            while (ran < ParserRobustnessContract.Iterations)
            {
                seed++;
                Assert.True(seed < (SeedBase * 1_000_000) + (c * 100_000) + MaxSeedsPerParser, $"{name}: too few well-formed mutations");
                var mutated = JsonMutator.Mutate(recorded[c], new Random(seed));
                if (!IsOneJsonValue(mutated))
                {
                    skipped++;
                    continue;
                }

                replay.Result = mutated;
                ran++;
                try
                {
                    await call(client).WaitAsync(TimeSpan.FromSeconds(10));
                    ok++;
                }
                catch (DigitalTwinException)
                {
                    typed++;
                }
                catch (Exception ex)
                {
                    failures.Add($"{name}: seed {seed}: {ex.GetType().FullName}: {ex.Message}");
                }
            }

            ParserRobustnessContract.CountMutations(ran);
            output.WriteLine($"{name}: {ran} mutations, {ok} parsed, {typed} DigitalTwinException, {ran - ok - typed} other ({skipped} seeds skipped as not one JSON value)");
        }

        foreach (var failure in failures.Take(20))
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} mutation(s) escaped as non-DigitalTwinException; first: {failures.FirstOrDefault()}");
        UnobservedTaskExceptions.AssertNone();
    }

    private static List<(string Name, Func<ITwinIoTSocketClient, Task> Call)> Calls() =>
    [
        ("getSensors", c => c.GetSensorsAsync([ITwinIoTEmulator.TiltSensorId])),
        ("getUnits", c => c.GetUnitsAsync(["T", "ax"])),
        ("getObservationsSummary", c => c.GetObservationsSummaryAsync([ITwinIoTEmulator.TiltSensorId])),
        ("time", c => c.GetTimeAsync()),
        ("uploadData", c => c.UploadDataAsync([new ObservationUpload(ITwinIoTEmulator.TrollSensorId, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), new Dictionary<string, double> { ["P_raw"] = 100 })])),
    ];

    /// <summary>Runs each call once against the emulator and keeps the raw result it answered.</summary>
    private static async Task<List<byte[]>> RecordAsync(List<(string Name, Func<ITwinIoTSocketClient, Task> Call)> calls)
    {
        await using var emu = await ITwinIoTEmulator.StartAsync();
        var results = new List<byte[]>();
        await using var client = new ITwinIoTSocketClient(new ITwinIoTSocketOptions { WebSocketUrl = emu.WebSocketUri, ApiKey = emu.ApiKey, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        foreach (var (name, call) in calls)
        {
            var before = emu.Requests.Snapshot().Count;
            await call(client).WaitAsync(VendorHarness.Bound);
            Assert.True(emu.Requests.Snapshot().Count > before, $"{name} sent nothing");
        }

        // The emulator logs requests, not answers: ask again over a raw socket for the exact result bytes.
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(emu.WebSocketUri, CancellationToken.None);
        var id = 0L;
        await ExchangeAsync(socket, id++, "authenticate", $$"""{"code":"{{emu.ApiKey}}"}""");
        foreach (var (name, parameters) in RawParameters())
        {
            using var answer = JsonDocument.Parse(await ExchangeAsync(socket, id++, name, parameters));
            results.Add(JsonSerializer.SerializeToUtf8Bytes(answer.RootElement.GetProperty("result")));
        }

        return results;
    }

    private static IEnumerable<(string Method, string Params)> RawParameters() =>
    [
        ("getSensors", $$"""{"sensors":["{{ITwinIoTEmulator.TiltSensorId}}"]}"""),
        ("getUnits", """{"metrics":["T","ax"]}"""),
        ("getObservationsSummary", $$"""{"sensors":["{{ITwinIoTEmulator.TiltSensorId}}"]}"""),
        ("time", "{}"),
        ("uploadData", """{"data":[{"sensorId":"TROLL","timestamp":"2030-01-01T00:00:00.000Z","values":{"P_raw":100}}]}""".Replace("TROLL", ITwinIoTEmulator.TrollSensorId, StringComparison.Ordinal)),
    ];

    private static async Task<byte[]> ExchangeAsync(System.Net.WebSockets.ClientWebSocket socket, long id, string method, string parameters)
    {
        var request = System.Text.Encoding.UTF8.GetBytes($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
        await socket.SendAsync(request, System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        System.Net.WebSockets.WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(chunk, CancellationToken.None).WaitAsync(VendorHarness.Bound);
            buffer.Write(chunk, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return buffer.ToArray();
    }

    private static bool IsOneJsonValue(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
