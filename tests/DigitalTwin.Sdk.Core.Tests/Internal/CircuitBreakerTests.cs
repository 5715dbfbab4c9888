using System.Net;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DigitalTwin.Sdk.Core.Tests.Internal;

/// <summary>The circuit breaker's rules: failure ratio over a rolling window, minimum throughput, break, one trial.</summary>
public sealed class CircuitBreakerTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _time = TestTime.CreateClock();

    [Fact]
    public void Closed_FailureRatioReachedAtMinimumThroughput_Opens()
    {
        var breaker = Create(minimumThroughput: 4, failureRatio: 0.5);
        Record(breaker, Ok(), Ok(), Failed());
        Assert.Equal(CircuitState.Closed, breaker.State);

        Record(breaker, Failed());

        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void Closed_FailuresBelowTheRatio_StaysClosed()
    {
        var breaker = Create(minimumThroughput: 4, failureRatio: 0.6);

        Record(breaker, Ok(), Failed(), Ok(), Failed(), Ok(), Failed(), Ok());

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Closed_BelowMinimumThroughput_StaysClosed()
    {
        var breaker = Create(minimumThroughput: 4, failureRatio: 0.5);

        Record(breaker, Failed(), Failed(), Failed());

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Closed_AttemptsOlderThanTheSamplingWindow_NoLongerCount()
    {
        var breaker = Create(minimumThroughput: 4, failureRatio: 0.5, sampling: TimeSpan.FromSeconds(10));
        Record(breaker, Failed(), Failed(), Failed());

        _time.Advance(TimeSpan.FromSeconds(11));
        Record(breaker, Failed());
        Assert.Equal(CircuitState.Closed, breaker.State);

        Record(breaker, Failed(), Failed(), Failed());
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void Open_RefusesWithRetryAfter_ThenLetsExactlyOneTrialThrough()
    {
        var breaker = Opened();

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(breaker.TryEnter(out var rejection));
        Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<BrokenCircuitException>(rejection).RetryAfter);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(breaker.TryEnter(out rejection));
        Assert.Null(rejection);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.False(breaker.TryEnter(out rejection));
        Assert.NotNull(rejection);
    }

    [Fact]
    public void HalfOpen_TrialSucceeds_ClosesAndForgetsEarlierFailures()
    {
        var breaker = Opened();
        _time.Advance(Break);
        Assert.True(breaker.TryEnter(out _));

        breaker.Record(Ok(), CancellationToken.None);

        Assert.Equal(CircuitState.Closed, breaker.State);
        Record(breaker, Failed(), Failed(), Failed());
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.True(breaker.TryEnter(out _));
    }

    [Fact]
    public void HalfOpen_TrialFails_OpensForAnotherBreak()
    {
        var breaker = Opened();
        _time.Advance(Break);
        Assert.True(breaker.TryEnter(out _));

        breaker.Record(Failed(), CancellationToken.None);

        Assert.Equal(CircuitState.Open, breaker.State);
        _time.Advance(Break - TimeSpan.FromSeconds(1));
        Assert.False(breaker.TryEnter(out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(breaker.TryEnter(out _));
    }

    [Fact]
    public void HalfOpen_TrialNeverAnswers_AnotherTrialAfterAnotherBreak()
    {
        var breaker = Opened();
        _time.Advance(Break);
        Assert.True(breaker.TryEnter(out _));

        _time.Advance(Break - TimeSpan.FromSeconds(1));
        Assert.False(breaker.TryEnter(out _));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(breaker.TryEnter(out _));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
    }

    [Fact]
    public void RecordFirstAttempt_CountsOnlyWhileClosed()
    {
        var breaker = Opened();
        breaker.RecordFirstAttempt(Ok(), CancellationToken.None);
        Assert.Equal(CircuitState.Open, breaker.State);

        _time.Advance(Break);
        Assert.True(breaker.TryEnter(out _));
        breaker.RecordFirstAttempt(Ok(), CancellationToken.None);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);

        breaker.Record(Ok(), CancellationToken.None);
        Assert.Equal(CircuitState.Closed, breaker.State);
        for (var i = 0; i < 4; i++)
        {
            breaker.RecordFirstAttempt(Failed(), CancellationToken.None);
        }

        Assert.Equal(CircuitState.Open, breaker.State);
    }

    [Fact]
    public void Open_AnswerToAnAttemptSentBeforeItOpened_ChangesNothing()
    {
        var breaker = Opened();

        breaker.Record(Ok(), CancellationToken.None);

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryEnter(out _));
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
        Assert.Equal(failure, CircuitBreaker.IsFailure(Outcome.FromResult(response), CancellationToken.None));
    }

    [Fact]
    public void IsFailure_ConnectionTimeoutAndIoFailuresCount_CancellationAndOtherErrorsDoNot()
    {
        Assert.True(CircuitBreaker.IsFailure(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), CancellationToken.None));
        Assert.True(CircuitBreaker.IsFailure(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), CancellationToken.None));
        Assert.True(CircuitBreaker.IsFailure(Outcome.FromException<HttpResponseMessage>(new IOException("cut")), CancellationToken.None));
        Assert.False(CircuitBreaker.IsFailure(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()), CancellationToken.None));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.False(CircuitBreaker.IsFailure(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset")), cancelled.Token));
    }

    private static Outcome<HttpResponseMessage> Ok() => Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.OK));

    private static Outcome<HttpResponseMessage> Failed() => Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

    private static void Record(CircuitBreaker breaker, params Outcome<HttpResponseMessage>[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Assert.True(breaker.TryEnter(out _));
            breaker.Record(outcome, CancellationToken.None);
        }
    }

    private CircuitBreaker Create(int minimumThroughput = 4, double failureRatio = 0.5, TimeSpan? sampling = null) => new(
        new CircuitBreakerOptions { MinimumThroughput = minimumThroughput, FailureRatio = failureRatio, SamplingDuration = sampling ?? TimeSpan.FromSeconds(30), BreakDuration = Break },
        _time);

    private CircuitBreaker Opened()
    {
        var breaker = Create();
        Record(breaker, Failed(), Failed(), Failed(), Failed());
        Assert.Equal(CircuitState.Open, breaker.State);
        return breaker;
    }
}
