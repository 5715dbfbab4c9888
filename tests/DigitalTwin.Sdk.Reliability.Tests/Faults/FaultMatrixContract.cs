using System.Net;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;
using DigitalTwin.Sdk.Testing.Faults;

namespace DigitalTwin.Sdk.Reliability.Tests.Faults;

/// <summary>
/// The fault matrix every vendor client meets (one subclass per vendor): each fault the emulators can inject on an
/// idempotent read gives the documented behaviour — retried, or a typed <see cref="DigitalTwinException"/> — within
/// the suite bound, and the emulator's request log shows exactly how many attempts were made.
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

        Assert.True(elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {elapsed.TotalMilliseconds} ms despite Retry-After: 1");
        Assert.Equal(2, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task RetryAfterDate_IsWaitedThenRetried()
    {
        await WarmUpAsync();

        // The HTTP date has whole seconds, so the wait is between 1 and 2 seconds.
        H.Emulator.Faults.Add(Fault.Status(429).WithRetryAfter(DateTimeOffset.UtcNow.AddSeconds(2)), H.ReadPath, "GET");

        var elapsed = await TimedAsync(H.ReadAsync);

        Assert.True(elapsed >= TimeSpan.FromMilliseconds(700), $"retried after {elapsed.TotalMilliseconds} ms despite a Retry-After date");
        Assert.Equal(2, H.Logged(H.ReadPath, "GET"));
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
        H.Emulator.Faults.Add(Fault.Status(503).WithRetryAfter(DateTimeOffset.UtcNow.AddHours(1)), H.ReadPath, "GET", times: 100);

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

        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        Assert.Equal(2, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task SlowerThanAttemptTimeout_Persistent_TimeoutExceptionWithinBound()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(20)), H.ReadPath, "GET", times: 100);

        var ex = await FailsWithAsync<DigitalTwinTimeoutException>(H.ReadAsync);

        Assert.NotNull(ex.InnerException);
        Assert.Equal(AllAttempts, H.Logged(H.ReadPath, "GET"));
    }

    [Fact]
    public async Task CallerCancellation_DuringSlowResponse_StaysOperationCanceled()
    {
        await WarmUpAsync();
        H.Emulator.Faults.Add(Fault.Delay(TimeSpan.FromSeconds(20)), H.ReadPath, "GET", times: 100);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => H.ReadAsync(cts.Token).WaitAsync(VendorHarness.Bound));

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

    /// <summary>One clean read first, so token acquisition is done and the log holds only the faulted calls.</summary>
    private async Task WarmUpAsync()
    {
        await TimedAsync(H.ReadAsync);
        H.Emulator.Requests.Clear();
    }
}
