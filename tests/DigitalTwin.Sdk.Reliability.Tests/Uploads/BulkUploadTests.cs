using System.Diagnostics;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.JsonRpc;
using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace DigitalTwin.Sdk.Reliability.Tests.Uploads;

/// <summary>
/// 100,000 observations through the iTwin IoT bulk uploads (50,000 over the socket's <c>uploadData</c>, 50,000 over
/// REST <c>data/upload</c>), both via <c>UploadInBatchesAsync</c>, with seeded injected failures. A caller resumes after
/// each failed batch, as the SDK's result lets it. Checked against the emulator's own count of what it stored:
/// acknowledged + reported-rejected + reported-failed == sent; nothing acknowledged is missing on the server; the server
/// holds nothing beyond the acknowledged except from batches reported failed after they may have reached it; nothing
/// was stored twice (the SDK never silently re-sent a batch); and after the caller re-sends what was reported failed,
/// every valid observation is on the server.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class BulkUploadTests(ITestOutputHelper output)
{
    private const int Count = 50_000;
    private const int BatchSize = 500;
    private const int InvalidEvery = 997;
    private static readonly DateTimeOffset Start = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan PhaseBound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SocketUploadInBatches_ErrorAnswersAndSocketDrops_NothingLostOrDoubleCounted()
    {
        const int seed = 8_000_001;
        var random = new Random(seed);
        using var audit = new SecretAudit();
        await using var emu = await ITwinIoTEmulator.StartAsync();
        audit.AddSecret(emu.ApiKey);
        var options = new ITwinIoTSocketOptions
        {
            WebSocketUrl = emu.WebSocketUri,
            ApiKey = emu.ApiKey,
            RequestTimeout = TimeSpan.FromSeconds(10),
            ReconnectDelay = TimeSpan.FromMilliseconds(10),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(100),
            KeepAliveInterval = Timeout.InfiniteTimeSpan,
        };
        var client = new ITwinIoTSocketClient(options, audit.LoggerFactory);
        var observations = Observations(invalidEvery: InvalidEvery);
        var injected = new Dictionary<string, int> { ["error answer"] = 0, ["socket drop"] = 0 };

        // An error answer is refused before anything is stored; a socket cut after the next answer loses the answer to
        // the batch after it, which the server may already have stored.
        void Inject()
        {
            var roll = random.Next(100);
            if (roll < 8)
            {
                emu.Faults.Add(Fault.JsonRpcError(-32000, "Upload refused: storage busy"), method: "uploadData");
                injected["error answer"]++;
            }
            else if (roll < 16)
            {
                emu.Faults.Add(Fault.CloseWebSocketAfter(1), method: "uploadData");
                injected["socket drop"]++;
            }
        }

        var report = await UploadResumingAsync(observations, (items, ct) => client.UploadInBatchesAsync(items, BatchSize, cancellationToken: ct), Inject, audit)
            .WaitAsync(PhaseBound);
        var received = emu.ObservationsReceived;
        var distinct = emu.DistinctObservationsReceived;

        // Recovery on a healthy connection: the last socket may still be armed to drop, so start a fresh one.
        emu.Faults.Clear();
        emu.DropConnections();
        await ReconnectedAsync(client).WaitAsync(PhaseBound);
        var resent = await ResendAsync(observations, report, (items, ct) => client.UploadInBatchesAsync(items, BatchSize, cancellationToken: ct)).WaitAsync(PhaseBound);
        await client.DisposeAsync();

        Check(output, "socket uploadData", seed, observations, report, injected, received, distinct, resent, emu);
        Assert.True(report.FailedBatches.Count > 0 && report.Rejected > 0, "the run injected no failure or no rejection: it proves too little");
        audit.AssertClean();
        UnobservedTaskExceptions.AssertNone();
    }

    [Fact]
    public async Task RestUploadInBatches_StatusErrorsResetsAndCutAnswers_NothingLostOrDoubleCounted()
    {
        const int seed = 8_000_002;
        var random = new Random(seed);
        using var audit = new SecretAudit();
        // No timeout is part of the injected faults: a 500-point POST on a loaded CI machine can take longer than the
        // suite's tight 1.5 s attempt timeout, and an uninjected timeout would make the POST count depend on load.
        await using var h = await ITwinIoTHarness.StartAsync(audit, o => o.AttemptTimeout = TimeSpan.FromSeconds(30));
        var emu = h.Emu;
        var observations = Observations(invalidEvery: 0);
        var injected = new Dictionary<string, int> { ["500"] = 0, ["503"] = 0, ["429"] = 0, ["connection reset"] = 0, ["answer cut"] = 0 };
        const string path = "/api/data/upload";

        // 500/503/429/reset come before the emulator stores anything; a cut answer comes after it stored the batch. An
        // upload is a plain POST, so none of them is retried by the SDK (the caller re-sends what was reported failed).
        void Inject()
        {
            switch (random.Next(100))
            {
                case < 3:
                    emu.Faults.Add(Fault.Status(500), path, "POST");
                    injected["500"]++;
                    break;
                case < 6:
                    emu.Faults.Add(Fault.Status(503), path, "POST");
                    injected["503"]++;
                    break;
                case < 9:
                    emu.Faults.Add(Fault.Status(429), path, "POST");
                    injected["429"]++;
                    break;
                case < 12:
                    emu.Faults.Add(Fault.DropConnection(), path, "POST");
                    injected["connection reset"]++;
                    break;
                case < 15:
                    emu.Faults.Add(Fault.TruncateBody(), path, "POST");
                    injected["answer cut"]++;
                    break;
            }
        }

        var rest = h.Client.Rest;
        var report = await UploadResumingAsync(observations, (items, ct) => rest.UploadInBatchesAsync(items, BatchSize, ct), Inject, audit).WaitAsync(PhaseBound);
        var received = emu.ObservationsReceived;
        var distinct = emu.DistinctObservationsReceived;
        emu.Faults.Clear();
        var resent = await ResendAsync(observations, report, (items, ct) => rest.UploadInBatchesAsync(items, BatchSize, ct)).WaitAsync(PhaseBound);

        Check(output, "REST data/upload", seed, observations, report, injected, received, distinct, resent, emu);
        Assert.True(report.FailedBatches.Count > 0, "the run injected no failure: it proves too little");
        Assert.True(emu.TokensIssued >= 1, "the IMS flow was not exercised");

        // One POST per batch: the SDK re-sent nothing on its own.
        Assert.Equal(report.Posts + resent.Posts, h.Logged(path, "POST"));
        audit.AssertClean();
        UnobservedTaskExceptions.AssertNone();
    }

    private static async Task ReconnectedAsync(ITwinIoTSocketClient client)
    {
        while (true)
        {
            try
            {
                await client.GetTimeAsync();
                return;
            }
            catch (ConnectionLostException)
            {
                await Task.Delay(20);
            }
        }
    }

    private static List<ObservationUpload> Observations(int invalidEvery)
    {
        var list = new List<ObservationUpload>(Count);
        for (var i = 0; i < Count; i++)
        {
            // The Rugged TROLL takes the raw metric P_raw; an unknown metric is refused by the server per observation.
            var metric = invalidEvery > 0 && i % invalidEvery == invalidEvery - 1 ? "NOT_A_METRIC" : "P_raw";
            list.Add(new ObservationUpload(ITwinIoTEmulator.TrollSensorId, Start.AddSeconds(i), new Dictionary<string, double> { [metric] = 100 + (i % 50) }));
        }

        return list;
    }

    /// <summary>Uploads everything; after a failed batch, resumes after it (the result's indexes say where).</summary>
    private static async Task<UploadReport> UploadResumingAsync(
        List<ObservationUpload> observations,
        Func<IEnumerable<ObservationUpload>, CancellationToken, IAsyncEnumerable<UploadBatchResult>> upload,
        Action injectBeforeNextBatch,
        SecretAudit audit)
    {
        var report = new UploadReport();
        var next = 0;
        while (next < observations.Count)
        {
            var offset = next;
            try
            {
                await foreach (var batch in upload(observations.Skip(offset), CancellationToken.None))
                {
                    Assert.Equal(next, offset + batch.FirstItemIndex);
                    report.Acknowledged += batch.Accepted;
                    report.Rejected += batch.Rejected;
                    report.Posts++;
                    next += batch.Sent;
                    if (next < observations.Count)
                    {
                        injectBeforeNextBatch();
                    }
                }
            }
            catch (Exception ex) when (ex is DigitalTwinException or JsonRpcException or ConnectionLostException)
            {
                audit.Observe(ex);
                var size = Math.Min(BatchSize, observations.Count - next);
                report.FailedBatches.Add((next, size, ex.GetType().Name));
                report.Failed += size;
                report.Posts++;
                next += size;
            }
        }

        return report;
    }

    /// <summary>The caller's recovery: re-send exactly the batches reported failed (no faults any more).</summary>
    private static async Task<UploadReport> ResendAsync(
        List<ObservationUpload> observations,
        UploadReport first,
        Func<IEnumerable<ObservationUpload>, CancellationToken, IAsyncEnumerable<UploadBatchResult>> upload)
    {
        var report = new UploadReport();
        foreach (var (index, size, _) in first.FailedBatches)
        {
            await foreach (var batch in upload(observations.GetRange(index, size), CancellationToken.None))
            {
                report.Acknowledged += batch.Accepted;
                report.Rejected += batch.Rejected;
                report.Posts++;
            }
        }

        return report;
    }

    private static void Check(
        ITestOutputHelper output,
        string transport,
        int seed,
        List<ObservationUpload> observations,
        UploadReport report,
        Dictionary<string, int> injected,
        long received,
        long distinct,
        UploadReport resent,
        ITwinIoTEmulator emu)
    {
        var valid = observations.Count(o => o.Values.ContainsKey("P_raw"));
        var mayHaveReached = received - report.Acknowledged;
        output.WriteLine($"{transport}, seed {seed}: sent {observations.Count} in {report.Posts} batches; acknowledged {report.Acknowledged}, reported rejected {report.Rejected}, reported failed {report.Failed} ({report.FailedBatches.Count} batches: {string.Join(", ", report.FailedBatches.GroupBy(f => f.Error).Select(g => $"{g.Count()} {g.Key}"))})");
        output.WriteLine($"  injected: {string.Join(", ", injected.Select(i => $"{i.Value} {i.Key}"))}");
        output.WriteLine($"  emulator received {received} ({distinct} distinct); of the reported-failed, {mayHaveReached} had reached the server; lost 0 expected");
        output.WriteLine($"  after re-sending the failed batches: acknowledged {resent.Acknowledged}, emulator received {emu.ObservationsReceived} ({emu.DistinctObservationsReceived} distinct of {valid} valid)");
        UploadTotals.Record(observations.Count, report.Acknowledged, report.Rejected, report.Failed, received);

        Assert.Equal(observations.Count, report.Acknowledged + report.Rejected + report.Failed);
        Assert.Equal(received, distinct);
        Assert.InRange(mayHaveReached, 0, report.Failed);
        Assert.Equal(valid, emu.DistinctObservationsReceived);
        Assert.Equal(mayHaveReached, emu.ObservationsReceived - emu.DistinctObservationsReceived);
    }

    private sealed class UploadReport
    {
        public long Acknowledged { get; set; }

        public long Rejected { get; set; }

        public long Failed { get; set; }

        public int Posts { get; set; }

        public List<(int Index, int Size, string Error)> FailedBatches { get; } = [];
    }
}
