using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DigitalTwin.Sdk.Redis.Internal;

/// <summary>
/// The connection to Redis and its health as the SDK sees it: after a failed command everything uses the local
/// fallback for <see cref="RedisScaleOutOptions.RetryInterval"/>, then one call tries Redis again. The change is logged
/// once each way. Every command is bounded by <see cref="RedisScaleOutOptions.OperationTimeout"/>.
/// </summary>
internal sealed class RedisLink : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly bool _ownsConnection;
    private Task<IConnectionMultiplexer>? _connecting;
    private long _downUntil;
    private bool _down;

    public RedisLink(RedisScaleOutOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Time = timeProvider ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("DigitalTwin.Sdk.Redis");
        if (options.Connection is { } connection)
        {
            _connecting = Task.FromResult(connection);
        }
        else
        {
            _ownsConnection = true;
        }
    }

    public RedisScaleOutOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>Gets whether the SDK currently uses Redis (not within a retry interval after a failure).</summary>
    public bool IsAvailable
    {
        get
        {
            lock (_gate)
            {
                return !_down || Time.GetTimestamp() >= _downUntil;
            }
        }
    }

    /// <summary>Runs one script with <see cref="RunAsync{T}"/>; a failure switches to the fallback.</summary>
    /// <returns>The result, or <see langword="null"/> when Redis failed or is marked down (the caller uses its fallback).</returns>
    public async Task<RedisResult?> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(db => db.ScriptEvaluateAsync(script, keys, values), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs commands with the operation timeout (real time: Redis is real I/O whatever clock the client runs on); a
    /// failure marks Redis down and throws (the caller has its own fallback). While Redis is marked down it throws at
    /// once, without waiting on the network.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> commands, CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            throw new RedisException("Redis is marked unavailable until its retry interval has passed.");
        }

        try
        {
            var connection = await ConnectAsync().WaitAsync(Options.OperationTimeout, cancellationToken).ConfigureAwait(false);
            var result = await commands(connection.GetDatabase()).WaitAsync(Options.OperationTimeout, cancellationToken).ConfigureAwait(false);
            Succeeded();
            return result;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            Failed(ex);
            throw;
        }
    }

    /// <summary>Connects now and checks Redis answers (a host's start-up), without the operation timeout.</summary>
    public async Task ConnectNowAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        Succeeded();
    }

    public async ValueTask DisposeAsync()
    {
        Task<IConnectionMultiplexer>? connecting;
        lock (_gate)
        {
            connecting = _connecting;
        }

        if (_ownsConnection && connecting is { IsCompletedSuccessfully: true })
        {
            await connecting.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task<IConnectionMultiplexer> ConnectAsync()
    {
        lock (_gate)
        {
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectCoreAsync();
            }

            return _connecting;
        }
    }

    private async Task<IConnectionMultiplexer> ConnectCoreAsync()
    {
        var configuration = ConfigurationOptions.Parse(Options.Configuration!);

        // Keep trying in the background when Redis is down at start-up: calls use the fallback meanwhile.
        configuration.AbortOnConnectFail = false;
        var timeout = (int)Math.Max(1, Options.OperationTimeout.TotalMilliseconds);
        configuration.ConnectTimeout = Math.Max(configuration.ConnectTimeout, timeout);
        configuration.AsyncTimeout = timeout;
        configuration.SyncTimeout = timeout;
        return await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
    }

    private void Succeeded()
    {
        bool recovered;
        lock (_gate)
        {
            recovered = _down;
            _down = false;
        }

        if (recovered)
        {
            RedisLog.Recovered(Logger);
        }
    }

    private void Failed(Exception ex)
    {
        bool first;
        lock (_gate)
        {
            first = !_down;
            _down = true;
            _downUntil = Time.GetTimestamp() + (long)(Options.RetryInterval.TotalSeconds * Time.TimestampFrequency);
        }

        if (first)
        {
            // The exception's type only: a StackExchange.Redis message can quote the endpoint configuration.
            RedisLog.Unavailable(Logger, ex.GetType().Name, Options.InstanceCount);
        }
    }
}
