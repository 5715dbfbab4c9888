using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Samples.ScaleOut;

/// <summary>
/// Writes the scale-out package's own log entries (Redis lost, Redis back) to a worker's standard error, one line each,
/// so the parent process shows when a worker fell back to its local limiter and when it came back.
/// </summary>
internal sealed class StderrLoggerProvider : ILoggerProvider
{
    /// <summary>The category of DigitalTwin.Sdk.Redis.</summary>
    public const string RedisCategory = "DigitalTwin.Sdk.Redis";

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category == RedisCategory && logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.Error.WriteLine($"LOG {logLevel} {category}: {formatter(state, exception)}");
            }
        }
    }
}
