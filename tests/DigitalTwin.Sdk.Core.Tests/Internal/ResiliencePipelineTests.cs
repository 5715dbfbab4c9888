using System.Net;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;

namespace DigitalTwin.Sdk.Core.Tests.Internal;

/// <summary>
/// The client's Polly pipeline (<see cref="ResiliencePipelineFactory"/>): its composition, and the circuit breaker's rules
/// as our options configure Polly's breaker (failure ratio over a rolling window, minimum throughput, break, one trial).
/// Each execution is one attempt (retries off), so the breaker sees exactly the outcomes recorded here.
/// </summary>
public sealed class ResiliencePipelineTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _time = TestTime.CreateClock();

    [Fact]
    public void Pipeline_IsTotalTimeout_Retry_CircuitBreaker_AttemptTimeout()
    {
        var options = new TestOptions { TotalTimeout = TimeSpan.FromSeconds(90), AttemptTimeout = TimeSpan.FromSeconds(20) };
        options.Retry.MaxRetries = 5;
        options.CircuitBreaker.FailureRatio = 0.25;
        options.CircuitBreaker.MinimumThroughput = 7;
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(40);
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(9);

        var descriptor = ResiliencePipelineFactory.Create(new ClientRuntime(PipelineFixture.Definition, options, _time, null)).GetPipelineDescriptor();

        Assert.Collection(
            descriptor.Strategies,
            total => Assert.Equal(TimeSpan.FromSeconds(90), Assert.IsType<TimeoutStrategyOptions>(total.Options).Timeout),
            retry => Assert.Equal(5, Assert.IsType<RetryStrategyOptions<HttpResponseMessage>>(retry.Options).MaxRetryAttempts),
            breaker =>
            {
                var o = Assert.IsType<CircuitBreakerStrategyOptions<HttpResponseMessage>>(breaker.Options);
                Assert.Equal((0.25, 7, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(9)), (o.FailureRatio, o.MinimumThroughput, o.SamplingDuration, o.BreakDuration));
            },
            attempt => Assert.Equal(TimeSpan.FromSeconds(20), Assert.IsType<TimeoutStrategyOptions>(attempt.Options).Timeout));
        Assert.Equal(["TotalTimeout", "Retry", "CircuitBreaker", "AttemptTimeout"], descriptor.Strategies.Select(s => s.Options!.Name));
    }

    [Fact]
    public void Pipeline_RetriesAndBreakerOff_KeepsBothTimeoutsOnly()
    {
        var options = new TestOptions();
        options.Retry.MaxRetries = 0;
        options.CircuitBreaker.Enabled = false;

        var descriptor = ResiliencePipelineFactory.Create(new ClientRuntime(PipelineFixture.Definition, options, _time, null)).GetPipelineDescriptor();

        Assert.Equal(["TotalTimeout", "AttemptTimeout"], descriptor.Strategies.Select(s => s.Options!.Name));
    }

    [Fact]
    public async Task Closed_FailureRatioReachedAtMinimumThroughput_Opens()
    {
        var (runtime, pipeline) = Create(minimumThroughput: 4, failureRatio: 0.5);
        await RecordAsync(pipeline, Ok, Ok, Failed);
        Assert.Equal(CircuitState.Closed, State(runtime));

        await RecordAsync(pipeline, Failed);

        Assert.Equal(CircuitState.Open, State(runtime));
    }

    [Fact]
    public async Task Closed_FailuresBelowTheRatio_StaysClosed()
    {
        var (runtime, pipeline) = Create(minimumThroughput: 4, failureRatio: 0.6);

        await RecordAsync(pipeline, Ok, Failed, Ok, Failed, Ok, Failed, Ok);

        Assert.Equal(CircuitState.Closed, State(runtime));
    }

    [Fact]
    public async Task Closed_BelowMinimumThroughput_StaysClosed()
    {
        var (runtime, pipeline) = Create(minimumThroughput: 4, failureRatio: 0.5);

        await RecordAsync(pipeline, Failed, Failed, Failed);

        Assert.Equal(CircuitState.Closed, State(runtime));
    }

    [Fact]
    public async Task Closed_AttemptsOlderThanTheSamplingWindow_NoLongerCount()
    {
        var (runtime, pipeline) = Create(minimumThroughput: 4, failureRatio: 0.5, sampling: TimeSpan.FromSeconds(10));
        await RecordAsync(pipeline, Failed, Failed, Failed);

        _time.Advance(TimeSpan.FromSeconds(11));
        await RecordAsync(pipeline, Failed);
        Assert.Equal(CircuitState.Closed, State(runtime));

        await RecordAsync(pipeline, Failed, Failed, Failed);
        Assert.Equal(CircuitState.Open, State(runtime));
    }

    [Fact]
    public async Task Open_RefusesWithRetryAfter_ThenLetsExactlyOneTrialThrough()
    {
        var (runtime, pipeline) = await OpenedAsync();

        _time.Advance(TimeSpan.FromSeconds(5));
        var refused = await ExecuteAsync(pipeline, Ok);
        Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<BrokenCircuitException>(refused.Exception).RetryAfter);

        _time.Advance(TimeSpan.FromSeconds(10));
        var trialSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var trial = pipeline.ExecuteOutcomeAsync(
            async (_, _) =>
            {
                trialSent.SetResult();
                return Outcome.FromResult(await answer.Task);
            },
            ResilienceContextPool.Shared.Get(),
            0).AsTask();
        await trialSent.Task;
        Assert.Equal(CircuitState.HalfOpen, State(runtime));
        Assert.IsType<BrokenCircuitException>((await ExecuteAsync(pipeline, Ok)).Exception);

        answer.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
        Assert.Null((await trial).Exception);
        Assert.Equal(CircuitState.Closed, State(runtime));
    }

    [Fact]
    public async Task HalfOpen_TrialSucceeds_ClosesAndForgetsEarlierFailures()
    {
        var (runtime, pipeline) = await OpenedAsync();
        _time.Advance(Break);

        await RecordAsync(pipeline, Ok);

        Assert.Equal(CircuitState.Closed, State(runtime));
        await RecordAsync(pipeline, Failed, Failed, Failed);
        Assert.Equal(CircuitState.Closed, State(runtime));
    }

    [Fact]
    public async Task HalfOpen_TrialFails_OpensForAnotherBreak()
    {
        var (runtime, pipeline) = await OpenedAsync();
        _time.Advance(Break);

        await RecordAsync(pipeline, Failed);

        Assert.Equal(CircuitState.Open, State(runtime));
        _time.Advance(Break - TimeSpan.FromSeconds(1));
        Assert.IsType<BrokenCircuitException>((await ExecuteAsync(pipeline, Ok)).Exception);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null((await ExecuteAsync(pipeline, Ok)).Exception);
        Assert.Equal(CircuitState.Closed, State(runtime));
    }

    [Fact]
    public async Task Open_AnswerToAnAttemptSentBeforeItOpened_ChangesNothing()
    {
        var (runtime, pipeline) = Create();
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = pipeline.ExecuteOutcomeAsync(
            async (_, _) =>
            {
                sent.SetResult();
                return Outcome.FromResult(await answer.Task);
            },
            ResilienceContextPool.Shared.Get(),
            0).AsTask();
        await sent.Task;
        await RecordAsync(pipeline, Failed, Failed, Failed, Failed);
        Assert.Equal(CircuitState.Open, State(runtime));

        answer.SetResult(new HttpResponseMessage(HttpStatusCode.OK));

        Assert.Null((await slow).Exception);
        Assert.Equal(CircuitState.Open, State(runtime));
        Assert.IsType<BrokenCircuitException>((await ExecuteAsync(pipeline, Ok)).Exception);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(200, false)]
    [InlineData(404, false)]
    [InlineData(429, false)]
    public void IsFailure_ByStatus(int status, bool failure)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        Assert.Equal(failure, ResiliencePipelineFactory.IsFailure(Outcome.FromResult(response), CancellationToken.None, ResponseClassifier.Default));
    }

    [Fact]
    public void IsFailure_ConnectionTimeoutAndIoFailuresCount_CancellationAndOtherErrorsDoNot()
    {
        Assert.True(ResiliencePipelineFactory.IsFailure(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), CancellationToken.None, ResponseClassifier.Default));
        Assert.True(ResiliencePipelineFactory.IsFailure(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), CancellationToken.None, ResponseClassifier.Default));
        Assert.True(ResiliencePipelineFactory.IsFailure(Outcome.FromException<HttpResponseMessage>(new IOException("cut")), CancellationToken.None, ResponseClassifier.Default));
        Assert.False(ResiliencePipelineFactory.IsFailure(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()), CancellationToken.None, ResponseClassifier.Default));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.False(ResiliencePipelineFactory.IsFailure(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), cancelled.Token, ResponseClassifier.Default));
    }

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK);

    private static HttpResponseMessage Failed() => new(HttpStatusCode.ServiceUnavailable);

    private static CircuitState State(ClientRuntime runtime) => runtime.CircuitState!.CircuitState;

    private static async Task<Outcome<HttpResponseMessage>> ExecuteAsync(ResiliencePipeline<HttpResponseMessage> pipeline, Func<HttpResponseMessage> answer)
    {
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            return await pipeline.ExecuteOutcomeAsync(static (_, answer) => new ValueTask<Outcome<HttpResponseMessage>>(Outcome.FromResult(answer())), context, answer);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async Task RecordAsync(ResiliencePipeline<HttpResponseMessage> pipeline, params Func<HttpResponseMessage>[] answers)
    {
        foreach (var answer in answers)
        {
            var outcome = await ExecuteAsync(pipeline, answer);
            Assert.Null(outcome.Exception);
            outcome.Result!.Dispose();
        }
    }

    private (ClientRuntime Runtime, ResiliencePipeline<HttpResponseMessage> Pipeline) Create(int minimumThroughput = 4, double failureRatio = 0.5, TimeSpan? sampling = null)
    {
        var options = new TestOptions();
        options.Retry.MaxRetries = 0;
        options.CircuitBreaker = new CircuitBreakerOptions { MinimumThroughput = minimumThroughput, FailureRatio = failureRatio, SamplingDuration = sampling ?? TimeSpan.FromSeconds(30), BreakDuration = Break };
        var runtime = new ClientRuntime(PipelineFixture.Definition, options, _time, null);
        return (runtime, ResiliencePipelineFactory.Create(runtime));
    }

    private async Task<(ClientRuntime Runtime, ResiliencePipeline<HttpResponseMessage> Pipeline)> OpenedAsync()
    {
        var created = Create();
        await RecordAsync(created.Pipeline, Failed, Failed, Failed, Failed);
        Assert.Equal(CircuitState.Open, State(created.Runtime));
        return created;
    }
}
