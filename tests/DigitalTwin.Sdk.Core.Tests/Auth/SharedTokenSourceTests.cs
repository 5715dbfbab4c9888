using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Core.Tests.Auth;

/// <summary>
/// Four "processes" (each its own TokenCache over its own SharedTokenSource) on one credential and one store, against a
/// vendor whose refresh tokens rotate and are single-use, as APS's are.
/// </summary>
public sealed class SharedTokenSourceTests
{
    private static readonly SharedTokenOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(5), LeaseTime = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task FourProcesses_FirstUse_OneTokenRequestForAll()
    {
        var clock = TestTime.CreateClock();
        var vendor = new RotatingTokenVendor(clock);
        var store = new InProcessSharedTokenStore(clock);
        var processes = Processes(vendor, store, clock, 4);

        var tokens = await Task.WhenAll(processes.Select(p => p.GetTokenAsync(CancellationToken.None).AsTask()));

        Assert.Equal(1, vendor.Requests);
        Assert.Single(tokens.Select(t => t.Value).Distinct());
    }

    [Fact]
    public async Task FourProcesses_ThreeExpiries_ExactlyOneRefreshEach_WithTheCurrentRefreshToken()
    {
        var clock = TestTime.CreateClock();
        var vendor = new RotatingTokenVendor(clock);
        var store = new InProcessSharedTokenStore(clock);
        var processes = Processes(vendor, store, clock, 4);
        await Task.WhenAll(processes.Select(p => p.GetTokenAsync(CancellationToken.None).AsTask()));

        for (var expiry = 1; expiry <= 3; expiry++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            var tokens = await Task.WhenAll(processes.Select(p => p.GetTokenAsync(CancellationToken.None).AsTask()));

            Assert.Equal(1 + expiry, vendor.Requests);
            Assert.Single(tokens.Select(t => t.Value).Distinct());
        }

        Assert.Equal(0, vendor.InvalidGrants);
    }

    [Fact]
    public async Task FourProcesses_ShortLivedTokens_ThreeExpiries_ExactlyOneRefreshEach()
    {
        // A token another process just stored is taken although it lives less than the default 10 s margin: the margin
        // shrinks with the token's lifetime, as the TokenCache's does.
        var clock = TestTime.CreateClock();
        var vendor = new RotatingTokenVendor(clock) { Lifetime = TimeSpan.FromSeconds(4) };
        var store = new InProcessSharedTokenStore(clock);
        var processes = Processes(vendor, store, clock, 4);
        await Task.WhenAll(processes.Select(p => p.GetTokenAsync(CancellationToken.None).AsTask()));

        for (var expiry = 1; expiry <= 3; expiry++)
        {
            clock.Advance(TimeSpan.FromSeconds(4));
            var tokens = await Task.WhenAll(processes.Select(p => p.GetTokenAsync(CancellationToken.None).AsTask()));

            Assert.Equal(1 + expiry, vendor.Requests);
            Assert.Single(tokens.Select(t => t.Value).Distinct());
        }

        Assert.Equal(0, vendor.InvalidGrants);
    }

    [Fact]
    public async Task Seed_ASignInIsTheTokenOfEveryProcess_AndItsRefreshTokenIsTheNextOneUsed()
    {
        var clock = TestTime.CreateClock();
        var vendor = new RotatingTokenVendor(clock);
        var store = new InProcessSharedTokenStore(clock);
        var key = SharedTokenSource.KeyFor("Test", "identity");
        var signIn = new AccessToken("signed-in", clock.GetUtcNow().AddHours(1), clock.GetUtcNow(), "refresh-of-sign-in");

        Assert.True(await new SharedTokenSource(vendor, store, key, Fast, clock).SeedAsync(signIn, CancellationToken.None));
        var processes = Processes(vendor, store, clock, 4);
        var tokens = await Task.WhenAll(processes.Select(p => p.GetTokenAsync(CancellationToken.None).AsTask()));
        Assert.All(tokens, t => Assert.Equal("signed-in", t.Value));
        Assert.Equal(0, vendor.Requests);

        var recording = new RecordingSource(vendor);
        clock.Advance(TimeSpan.FromHours(1));
        await new TokenCache(new SharedTokenSource(recording, store, key, Fast, clock), clock).GetTokenAsync(CancellationToken.None);

        Assert.Equal(["refresh-of-sign-in"], recording.RefreshTokens);
    }

    [Fact]
    public async Task Seed_WaitsForARefreshInFlight_ThenReplacesItsToken()
    {
        var clock = TestTime.CreateClock();
        var store = new InProcessSharedTokenStore(clock);
        var key = SharedTokenSource.KeyFor("Test", "identity");
        var source = new SharedTokenSource(new RotatingTokenVendor(clock), store, key, Fast, clock);
        var inFlight = await store.TryBeginRefreshAsync(key, TimeSpan.FromSeconds(30), CancellationToken.None);

        var seeding = source.SeedAsync(new AccessToken("signed-in", clock.GetUtcNow().AddHours(1), clock.GetUtcNow(), "r"), CancellationToken.None).AsTask();
        // The refresh in flight still owns the lease when it completes (the seed did not take it), and the seed's token
        // is the one stored afterwards: the seed waited for the refresh and then replaced its token.
        Assert.True(await inFlight!.CompleteAsync(new AccessToken("refreshed", clock.GetUtcNow().AddHours(1), clock.GetUtcNow(), "r2"), CancellationToken.None));

        Assert.True(await seeding.WaitAsync(Waiting.DefaultTimeout));
        Assert.Equal("signed-in", (await store.GetAsync(key, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Seed_StoreDown_ReturnsFalse()
    {
        var clock = TestTime.CreateClock();
        var source = new SharedTokenSource(new RotatingTokenVendor(clock), new BrokenStore(), SharedTokenSource.KeyFor("Test", "identity"), Fast, clock);

        Assert.False(await source.SeedAsync(new AccessToken("signed-in", clock.GetUtcNow().AddHours(1), clock.GetUtcNow(), "r"), CancellationToken.None));
    }

    [Fact]
    public async Task AHolderThatCrashed_IsOvertakenWhenItsLeaseExpires()
    {
        var clock = TestTime.CreateClock();
        var vendor = new RotatingTokenVendor(clock);
        var store = new InProcessSharedTokenStore(clock);
        var key = SharedTokenSource.KeyFor("Test", "identity");
        var crashed = await store.TryBeginRefreshAsync(key, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.NotNull(crashed);

        var waiting = Processes(vendor, store, clock, 1)[0].GetTokenAsync(CancellationToken.None).AsTask();
        await Waiting.WaitUntilAsync(() => vendor.Requests == 0 && !waiting.IsCompleted, what: "the process waits for the holder");
        clock.Advance(TimeSpan.FromSeconds(31));
        var token = await waiting.WaitAsync(Waiting.DefaultTimeout);

        Assert.Equal(1, vendor.Requests);
        Assert.Equal(token.Value, (await store.GetAsync(key, CancellationToken.None))!.Value);
        Assert.False(await crashed.CompleteAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task StoreDown_EachProcessAsksTheVendor_LoggedOnce_AndAVendorRefusalIsNotRepeated()
    {
        var clock = TestTime.CreateClock();
        var vendor = new RotatingTokenVendor(clock);
        var logger = new ListLogger();
        var source = new SharedTokenSource(vendor, new BrokenStore(), SharedTokenSource.KeyFor("Test", "identity"), Fast, clock, logger);

        var first = await source.AcquireTokenAsync(null, CancellationToken.None);
        var second = await source.AcquireTokenAsync(first, CancellationToken.None);
        vendor.RefuseNext = true;
        await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => source.AcquireTokenAsync(second, CancellationToken.None).AsTask());

        Assert.Equal(3, vendor.Requests);
        Assert.Single(logger.Lines, l => l.Contains("store failed", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, l => l.Contains(first.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoreFailsAfterTheVendorAnswered_TheTokenIsKept_NoSecondRequest()
    {
        var clock = TestTime.CreateClock();
        var vendor = new RotatingTokenVendor(clock);
        var source = new SharedTokenSource(vendor, new StoreThatLosesWrites(clock), SharedTokenSource.KeyFor("Test", "identity"), Fast, clock);

        var token = await source.AcquireTokenAsync(null, CancellationToken.None);

        Assert.Equal(1, vendor.Requests);
        Assert.Equal(vendor.LastIssued, token.Value);
    }

    [Fact]
    public void KeyFor_IsAHashOfVendorAndIdentity()
    {
        var key = SharedTokenSource.KeyFor("BuildingX", "https://auth.example/oauth/token\nclient-1234\naudience");

        Assert.StartsWith("tok:", key, StringComparison.Ordinal);
        Assert.DoesNotContain("client-1234", key, StringComparison.Ordinal);
        Assert.NotEqual(key, SharedTokenSource.KeyFor("BuildingX", "https://auth.example/oauth/token\nclient-5678\naudience"));
        Assert.NotEqual(key, SharedTokenSource.KeyFor("Tandem", "https://auth.example/oauth/token\nclient-1234\naudience"));
    }

    private static TokenCache[] Processes(RotatingTokenVendor vendor, ISharedTokenStore store, FakeTimeProvider clock, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new TokenCache(new SharedTokenSource(vendor, store, SharedTokenSource.KeyFor("Test", "identity"), Fast, clock), clock))];

    /// <summary>Records the refresh token of every request it passes on.</summary>
    private sealed class RecordingSource(ITokenSource inner) : ITokenSource
    {
        public List<string?> RefreshTokens { get; } = [];

        public ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
        {
            RefreshTokens.Add(current?.RefreshToken);
            return inner.AcquireTokenAsync(current, cancellationToken);
        }
    }

    private sealed class BrokenStore : ISharedTokenStore
    {
        public ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken) => throw new IOException("store unreachable");

        public ValueTask<ISharedTokenLease?> TryBeginRefreshAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken) => throw new IOException("store unreachable");
    }

    /// <summary>Grants the lease, then fails to write the token (the store went down mid-refresh).</summary>
    private sealed class StoreThatLosesWrites(TimeProvider clock) : ISharedTokenStore
    {
        private readonly InProcessSharedTokenStore _inner = new(clock);

        public ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken) => _inner.GetAsync(key, cancellationToken);

        public async ValueTask<ISharedTokenLease?> TryBeginRefreshAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken) =>
            await _inner.TryBeginRefreshAsync(key, leaseTime, cancellationToken) is { } lease ? new FailingLease(lease) : null;

        private sealed class FailingLease(ISharedTokenLease inner) : ISharedTokenLease
        {
            public ValueTask<bool> CompleteAsync(AccessToken token, CancellationToken cancellationToken) => throw new IOException("connection reset");

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add(formatter(state, exception));
            }
        }
    }
}
