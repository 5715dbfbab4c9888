using System.Net;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.Hosting;

namespace DigitalTwin.Sdk.Reliability.Tests.Faults;

/// <summary>
/// The fault matrix every vendor client meets (one subclass per vendor): each fault the emulators can inject on an
/// idempotent read gives the documented behaviour — retried, or a typed <see cref="DigitalTwinException"/> — within
/// the suite bound, and the emulator's request log shows exactly how many attempts were made. Client and emulator run on
/// fake clocks (<see cref="HarnessClocks"/>): waits and timeouts are statements about fake time, the sockets are real.
/// </summary>
public abstract class FaultMatrixContract : ReliabilityTest<VendorHarness>
{
    private const int AllAttempts = 4; // the first attempt and MaxRetries = 3

    public static TheoryData<int> TransientStatuses => [408, 429, 500, 502, 503, 504];

    private VendorHarness H => Harness;

    [Theory]
    [MemberData(nameof(TransientStatuses))]
    public async Task TransientStatus_Once_IsRetriedAndSucceeds(int status)
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Status(status), H.ReadPath, "GET");

        await TimedAsync(H.ReadAsync);

        Assert.Equal(2, H.Logged(H.ReadPath, "GET"));
    }

    [Theory]
    [MemberData(nameof(TransientStatuses))]
    public async Task TransientStatus_Persistent_TypedExceptionAfterEveryRetry(int status)
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Status(status), H.ReadPath, "GET", times: 100);

        var ex = await FailsWithAsync<DigitalTwinApiException>(H.ReadAsync);

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        if (status == 429)
        {
            Assert.IsType<DigitalTwinRateLimitedException>(ex);
        }

        Assert.Equal(AllAttempts, H.Logged(H.ReadPath, "GET"));
    }

    [Theory]
    [InlineData(400, typeof(DigitalTwinApiException))]
    [InlineData(403, typeof(DigitalTwinPermissionException))]
    [InlineData(404, typeof(DigitalTwinNotFoundException))]
    [InlineData(409, typeof(DigitalTwinConflictException))]
    public async Task PermanentStatus_IsNotRetried(int status, Type expected)
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Status(status), H.ReadPath, "GET", times: 100);

        var ex = await FailsWithAsync<DigitalTwinApiException>(H.ReadAsync);

        Assert.IsType(expected, ex);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(1, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task RetryAfterSeconds_IsWaitedThenRetried()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Status(503).WithRetryAfter(TimeSpan.FromSeconds(1)), H.ReadPath, "GET");

        var elapsed = await TimedAsync(H.ReadAsync);

        var reads = Reads();
        Assert.Equal(2, reads.Count);
        Assert.True(elapsed >= TimeSpan.FromSeconds(1), $"the call took {elapsed.TotalMilliseconds} ms despite Retry-After: 1");
        Assert.True(reads[1].ReceivedAt - reads[0].ReceivedAt >= TimeSpan.FromSeconds(1), $"retried {(reads[1].ReceivedAt - reads[0].ReceivedAt).TotalMilliseconds} ms after the 503 despite Retry-After: 1");
    }

    [Fact]
    public async Task RetryAfterDate_IsWaitedThenRetried()
    {
        await WarmUpAsync();

        // The HTTP date has whole seconds, so the wait is between 1 and 2 seconds.
        var date = Clocks.Now.AddSeconds(2);
        var statedDate = new DateTimeOffset(date.Ticks - (date.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        H.Emulator.Faults.Add(Fault.Status(429).WithRetryAfter(date), H.ReadPath, "GET");

        var elapsed = await TimedAsync(H.ReadAsync);

        var reads = Reads();
        Assert.Equal(2, reads.Count);
        Assert.True(elapsed >= TimeSpan.FromSeconds(1), $"the call took {elapsed.TotalMilliseconds} ms despite a Retry-After date");
        // Timers count whole milliseconds (the fake clock's as the system's), so a wait of 1.9989 s fires after 1.998 s.
        Assert.True(reads[1].ReceivedAt > statedDate - TimeSpan.FromMilliseconds(1), $"retried at {reads[1].ReceivedAt:O}, before the Retry-After date {statedDate:O}");
    }

    [Fact]
    public async Task RetryAfterSecondsBeyondMaxRetryAfter_EndsRetriesWithRateLimitedException()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Status(429).WithRetryAfter(TimeSpan.FromMinutes(5)), H.ReadPath, "GET", times: 100);

        var ex = await FailsWithAsync<DigitalTwinRateLimitedException>(H.ReadAsync);

        Assert.True(ex.RetryAfter >= TimeSpan.FromMinutes(4), $"RetryAfter was {ex.RetryAfter}");
        Assert.Equal(1, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task RetryAfterDateBeyondMaxRetryAfter_EndsRetries()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Status(503).WithRetryAfter(Clocks.Now.AddHours(1)), H.ReadPath, "GET", times: 100);

        var ex = await FailsWithAsync<DigitalTwinApiException>(H.ReadAsync);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.True(ex.Info.RetryAfter >= TimeSpan.FromMinutes(50), $"RetryAfter was {ex.Info.RetryAfter}");
        Assert.Equal(1, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task ConnectionReset_Once_IsRetriedAndSucceeds()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.DropConnection(), H.ReadPath, "GET");

        await TimedAsync(H.ReadAsync);

        Assert.Equal(2, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task ConnectionReset_Persistent_ConnectionExceptionAfterEveryRetry()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.DropConnection(), H.ReadPath, "GET", times: 100);

        await FailsWithAsync<DigitalTwinConnectionException>(H.ReadAsync);

        Assert.Equal(AllAttempts, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task SlowerThanAttemptTimeout_Once_IsRetriedAndSucceeds()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(20)), H.ReadPath, "GET");

        var elapsed = await TimedAsync(H.ReadAsync);

        var reads = Reads();
        Assert.Equal(2, reads.Count);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        Assert.True(reads[1].ReceivedAt - reads[0].ReceivedAt >= VendorHarness.AttemptTimeout, $"retried {(reads[1].ReceivedAt - reads[0].ReceivedAt).TotalMilliseconds} ms after the slow attempt began, before its timeout");
    }

    [Fact]
    public async Task SlowerThanAttemptTimeout_Persistent_TimeoutExceptionWithinBound()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(20)), H.ReadPath, "GET", times: 100);

        var ex = await FailsWithAsync<DigitalTwinTimeoutException>(H.ReadAsync);

        Assert.NotNull(ex.InnerException);
        var reads = Reads();
        Assert.Equal(AllAttempts, reads.Count);
        for (var i = 1; i < reads.Count; i++)
        {
            Assert.True(reads[i].ReceivedAt - reads[i - 1].ReceivedAt >= VendorHarness.AttemptTimeout, $"attempt {i + 1} was sent before attempt {i} timed out");
        }
    }

    [Fact]
    public async Task CallerCancellation_DuringSlowResponse_StaysOperationCanceled()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(20)), H.ReadPath, "GET", times: 100);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300), Clocks.Client);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TimedAsync(H.ReadAsync, cts.Token));

        Audit.Observe(ex);
        Assert.Equal(1, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task MalformedJson_InvalidResponseException_NotRetried()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.MalformedJson(), H.ReadPath, "GET", times: 100);

        await FailsWithAsync<DigitalTwinInvalidResponseException>(H.ReadAsync);

        Assert.Equal(1, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task TruncatedBody_Once_IsRetriedAndSucceeds()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.TruncateBody(), H.ReadPath, "GET");

        await TimedAsync(H.ReadAsync);

        Assert.Equal(2, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task TruncatedBody_Persistent_ConnectionExceptionAfterEveryRetry()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.TruncateBody(), H.ReadPath, "GET", times: 100);

        // The cut body fails each attempt inside the pipeline (bodies are read there), so every retry is spent. (A rare
        // InvalidResponse after one attempt was the emulator answering an empty complete 200: it now flushes the
        // handler's pipe before cutting.)
        await FailsWithAsync<DigitalTwinConnectionException>(H.ReadAsync);

        Assert.Equal(AllAttempts, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task WrongContentType_InvalidResponseException_NotRetried()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.WrongContentType(), H.ReadPath, "GET", times: 100);

        await FailsWithAsync<DigitalTwinInvalidResponseException>(H.ReadAsync);

        Assert.Equal(1, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task BodyFarLargerThanMaxResponseBytes_InvalidResponseException_NotRetried()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.HugeBody((int)(VendorHarness.MaxResponseBytes * 8)), H.ReadPath, "GET", times: 100);

        await FailsWithAsync<DigitalTwinInvalidResponseException>(H.ReadAsync);

        Assert.Equal(1, H.Logged(H.ReadPath, "GET"));
    }

    /// <summary>The reads the emulator logged since the warm-up, in the order they arrived.</summary>
    private List<RecordedRequest> Reads() =>
        [.. H.Emulator.Requests.ForPath(H.ReadPath).Where(r => r.Path.Equals(H.ReadPath, StringComparison.OrdinalIgnoreCase) && r.Method == "GET").OrderBy(r => r.ReceivedAt)];

    /// <summary>One clean read first, so token acquisition is done and the log holds only the faulted calls.</summary>
    private async Task WarmUpAsync()
    {
        await TimedAsync(H.ReadAsync);
        H.Emulator.Requests.Clear();
    }
}
