using System.Globalization;
using System.Net;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;
using DigitalTwin.Sdk.TestUtilities;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Core.Tests.Http;

public sealed class RetryTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
    private readonly TrackingFakeTimeProvider _time = new();

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Get_TransientStatusTwice_SucceedsOnThirdAttempt(HttpStatusCode status)
    {
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(call <= 2 ? RecordingHandler.Json(status, "{}") : RecordingHandler.Json(HttpStatusCode.OK, "{\"ok\":true}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        using var response = await _time.DriveAsync(runtime.GetAsync(), Step);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Get_AlwaysFailing_StopsAfterMaxRetriesWithApiException()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"message\":\"down\"}", ("X-Request-Id", "req-9"))));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        var ex = await Assert.ThrowsAsync<DigitalTwinApiException>(() => _time.DriveAsync(runtime.GetAsync(), Step));

        Assert.Equal(4, handler.Calls);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("req-9", ex.RequestId);
        Assert.Equal("down", ex.ErrorTitle);
    }

    [Fact]
    public async Task Post_TransientStatus_IsNotRetried()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        await Assert.ThrowsAsync<DigitalTwinApiException>(() => _time.DriveAsync(runtime.PostAsync(), Step));

        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Post_MarkedIdempotent_IsRetried()
    {
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(RecordingHandler.Json(call == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.Created, "{}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        using var response = await _time.DriveAsync(runtime.PostAsync(idempotent: true), Step);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Post_ConnectionNeverEstablished_IsRetried()
    {
        var handler = new RecordingHandler((_, call, _) => call == 1
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused"))
            : Task.FromResult(RecordingHandler.Json(HttpStatusCode.Created, "{}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        using var response = await _time.DriveAsync(runtime.PostAsync(), Step);

        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Post_ConnectionResetAfterSending_IsNotRetried()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "reset")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        var ex = await Assert.ThrowsAsync<DigitalTwinConnectionException>(() => _time.DriveAsync(runtime.PostAsync(), Step));

        Assert.Equal(1, handler.Calls);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Fact]
    public async Task Get_ConnectionReset_IsRetriedThenSurfacesAsConnectionException()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "reset")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        await Assert.ThrowsAsync<DigitalTwinConnectionException>(() => _time.DriveAsync(runtime.GetAsync(), Step));

        Assert.Equal(4, handler.Calls);
    }

    [Fact]
    public async Task Get_RetryAfterSeconds_WaitsAtLeastThatLong()
    {
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(call == 1
            ? RecordingHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "5"))
            : RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        var retryAt = _time.GetUtcNow().AddSeconds(5);
        var task = runtime.GetAsync();

        // The back-off is a timer on the fake clock due exactly at the Retry-After instant; until the clock reaches it
        // the retry cannot start (fake timers fire only inside Advance).
        await WaitUntilAsync("first attempt and a back-off due at Retry-After", () => handler.Calls == 1 && _time.HasPendingTimerDueAt(retryAt), TimeSpan.FromSeconds(20));
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.True(_time.HasPendingTimerDueAt(retryAt), "the back-off ended before Retry-After");
        Assert.Equal(1, handler.Calls);

        _time.Advance(TimeSpan.FromSeconds(0.1));
        using var response = await task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, handler.Calls);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_RetryAfterHttpDate_WaitsUntilThatDate()
    {
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(call == 1
            ? RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}", ("Retry-After", _time.GetUtcNow().AddSeconds(8).ToString("r", CultureInfo.InvariantCulture)))
            : RecordingHandler.Json(HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        var retryAt = _time.GetUtcNow().AddSeconds(8);
        var task = runtime.GetAsync();

        await WaitUntilAsync("first attempt and a back-off due at the Retry-After date", () => handler.Calls == 1 && _time.HasPendingTimerDueAt(retryAt), TimeSpan.FromSeconds(20));
        _time.Advance(TimeSpan.FromSeconds(7.9));
        Assert.True(_time.HasPendingTimerDueAt(retryAt), "the back-off ended before the Retry-After date");
        Assert.Equal(1, handler.Calls);

        _time.Advance(TimeSpan.FromSeconds(0.1));
        using var response = await task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Get_RetryAfterLongerThanMax_FailsAtOnceWithRetryAfter()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "3600"))));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        var ex = await Assert.ThrowsAsync<DigitalTwinRateLimitedException>(() => runtime.GetAsync());

        Assert.Equal(1, handler.Calls);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
    }

    [Fact]
    public async Task Get_AttemptTimeout_RetriesThenThrowsTimeoutException()
    {
        var options = new TestOptions { AttemptTimeout = TimeSpan.FromSeconds(1) };
        var handler = NeverAnswers();
        var runtime = PipelineFixture.Create(options, handler, _time);

        var ex = await Assert.ThrowsAsync<DigitalTwinTimeoutException>(() => _time.DriveAsync(runtime.GetAsync(), TimeSpan.FromMilliseconds(200)));

        Assert.Equal(4, handler.Calls);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(ex.InnerException);
    }

    [Fact]
    public async Task Get_TotalTimeoutShorterThanAttemptTimeout_OneAttemptThenTimeoutException()
    {
        var options = new TestOptions { AttemptTimeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(1) };
        var handler = NeverAnswers();
        var runtime = PipelineFixture.Create(options, handler, _time);

        var ex = await Assert.ThrowsAsync<DigitalTwinTimeoutException>(() => _time.DriveAsync(runtime.GetAsync(), TimeSpan.FromMilliseconds(200)));

        Assert.Equal(1, handler.Calls);
        Assert.Contains("timed out after 1 s (1 attempt(s))", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RetriesAfterATimedOutFirstAttempt_ShareTheTotalTimeout()
    {
        // Attempt 1 runs 0–1 s, attempt 2 about 1.1–2.1 s, attempt 3 from about 2.3 s is cut at 2.8 s by the total
        // timeout, which counts from the start of the call (counted from the first retry, a fourth attempt would start).
        var options = new TestOptions { AttemptTimeout = TimeSpan.FromSeconds(1), TotalTimeout = TimeSpan.FromSeconds(2.8) };
        var handler = NeverAnswers();
        var runtime = PipelineFixture.Create(options, handler, _time);
        var started = _time.GetTimestamp();

        var ex = await Assert.ThrowsAsync<DigitalTwinTimeoutException>(() => _time.DriveAsync(runtime.GetAsync(), TimeSpan.FromMilliseconds(20)));

        Assert.True(3 == handler.Calls, $"{handler.Calls} calls in {_time.GetElapsedTime(started)}: {ex.Message}");
        Assert.InRange(_time.GetElapsedTime(started), TimeSpan.FromSeconds(2.8), TimeSpan.FromSeconds(3.2));
        Assert.Contains("timed out after 2.8 s (3 attempt(s))", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CircuitOpensWhileTheRequestIsInFlight_ItsAnswerIsStillReturned()
    {
        var options = new TestOptions();
        options.Retry.MaxRetries = 0;
        options.CircuitBreaker.MinimumThroughput = 2;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingHandler(async (request, _, ct) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/slow", StringComparison.Ordinal))
            {
                await release.Task.WaitAsync(ct);
                return RecordingHandler.Json(HttpStatusCode.OK, "{\"done\":true}");
            }

            return RecordingHandler.Json(HttpStatusCode.InternalServerError, "{}");
        });
        var runtime = PipelineFixture.Create(options, handler, _time);

        var slow = runtime.GetAsync("slow");
        await WaitUntilAsync("slow request sent", () => handler.Calls == 1, TimeSpan.FromSeconds(20));
        await Assert.ThrowsAsync<DigitalTwinApiException>(() => runtime.GetAsync());
        await Assert.ThrowsAsync<DigitalTwinApiException>(() => runtime.GetAsync());
        await Assert.ThrowsAsync<DigitalTwinCircuitOpenException>(() => runtime.GetAsync());
        release.SetResult();

        using var answer = await slow;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("{\"done\":true}", await answer.Content.ReadAsStringAsync());
        Assert.Equal(3, handler.Calls);
        await Assert.ThrowsAsync<DigitalTwinCircuitOpenException>(() => runtime.GetAsync());
    }

    [Fact]
    public async Task Get_CallerCancels_ThrowsOperationCanceled()
    {
        var handler = NeverAnswers();
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);
        using var cts = new CancellationTokenSource();

        var task = runtime.GetAsync(ct: cts.Token);
        await WaitUntilAsync("request sent", () => handler.Calls == 1, TimeSpan.FromSeconds(20));
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.IsNotAssignableFrom<DigitalTwinException>(ex);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Get_ManyFailures_OpensCircuit()
    {
        var options = new TestOptions();
        options.Retry.MaxRetries = 0;
        options.CircuitBreaker.MinimumThroughput = 4;
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.InternalServerError, "{}")));
        var runtime = PipelineFixture.Create(options, handler, _time);

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<DigitalTwinApiException>(() => runtime.GetAsync());
        }

        var ex = await Assert.ThrowsAsync<DigitalTwinCircuitOpenException>(() => runtime.GetAsync());
        Assert.Equal(4, handler.Calls);
        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(ex.InnerException);
    }

    [Fact]
    public async Task Get_SuccessesWithoutRetry_CountTowardTheFailureRatio()
    {
        var options = new TestOptions();
        options.Retry.MaxRetries = 0;
        options.CircuitBreaker.MinimumThroughput = 4;
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(RecordingHandler.Json(call is > 6 and <= 10 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(options, handler, _time);

        for (var i = 0; i < 6; i++)
        {
            (await runtime.GetAsync()).Dispose();
        }

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<DigitalTwinApiException>(() => runtime.GetAsync());
        }

        // 4 failures in 10 attempts stay under the 0.5 ratio: the next call is sent.
        (await runtime.GetAsync()).Dispose();
        Assert.Equal(11, handler.Calls);
    }

    [Fact]
    public async Task Get_RetriedAttemptsCount_OneCallsFourFailuresOpenTheCircuit()
    {
        var options = new TestOptions();
        options.CircuitBreaker.MinimumThroughput = 4;
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")));
        var runtime = PipelineFixture.Create(options, handler, _time);

        await Assert.ThrowsAsync<DigitalTwinApiException>(() => _time.DriveAsync(runtime.GetAsync(), Step));
        Assert.Equal(4, handler.Calls);

        var ex = await Assert.ThrowsAsync<DigitalTwinCircuitOpenException>(() => runtime.GetAsync());
        Assert.Equal(4, handler.Calls);
        Assert.InRange(ex.RetryAfter!.Value, options.CircuitBreaker.BreakDuration - TimeSpan.FromSeconds(1), options.CircuitBreaker.BreakDuration);
    }

    [Fact]
    public async Task Get_AfterTheBreak_OneTrialIsSent_AndItsSuccessClosesTheCircuit()
    {
        var options = new TestOptions();
        options.Retry.MaxRetries = 0;
        options.CircuitBreaker.MinimumThroughput = 2;
        var handler = new RecordingHandler((_, call, _) => Task.FromResult(RecordingHandler.Json(call <= 2 ? HttpStatusCode.BadGateway : HttpStatusCode.OK, "{}")));
        var runtime = PipelineFixture.Create(options, handler, _time);
        await Assert.ThrowsAsync<DigitalTwinApiException>(() => runtime.GetAsync());
        await Assert.ThrowsAsync<DigitalTwinApiException>(() => runtime.GetAsync());
        await Assert.ThrowsAsync<DigitalTwinCircuitOpenException>(() => runtime.GetAsync());

        _time.Advance(options.CircuitBreaker.BreakDuration);
        (await runtime.GetAsync()).Dispose();
        (await runtime.GetAsync()).Dispose();

        Assert.Equal(4, handler.Calls);
        Assert.True(runtime.CircuitClosed);
    }

    [Fact]
    public async Task Get_NotFound_IsNotRetriedAndTyped()
    {
        var handler = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.NotFound, "{\"message\":\"No such item\"}")));
        var runtime = PipelineFixture.Create(new TestOptions(), handler, _time);

        var ex = await Assert.ThrowsAsync<DigitalTwinNotFoundException>(() => runtime.GetAsync());

        Assert.Equal(1, handler.Calls);
        Assert.Contains("No such item", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GET /v1/items", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A transport that never answers: each attempt ends only by its timeout or cancellation.</summary>
    private static RecordingHandler NeverAnswers() => new(async (_, _, ct) =>
    {
        await new TaskCompletionSource().Task.WaitAsync(ct);
        return RecordingHandler.Json(HttpStatusCode.OK, "{}");
    });
}
