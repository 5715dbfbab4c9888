using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Reliability.Tests.Infrastructure;

/// <summary>Captures every log entry, at every level including Trace, with its exception text.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = $"{logLevel} {category}: {formatter(state, exception)}";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                // The structured values reach sinks too, not only the formatted message.
                text += " | " + string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"));
            }

            if (exception is not null)
            {
                text += Environment.NewLine + exception;
            }

            owner.Entries.Enqueue(text);
        }
    }
}
