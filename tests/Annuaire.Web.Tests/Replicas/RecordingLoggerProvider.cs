using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Annuaire.Web.Tests.Replicas;

/// <summary>Keeps every log entry of warning level or more, to check that a fault is logged once.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>Entries of at least warning level written by <typeparamref name="T"/>.</summary>
    public List<string> Warnings<T>() =>
        [.. Entries.Where(e => e.Category == typeof(T).FullName && e.Level >= LogLevel.Warning).Select(e => e.Message)];

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                entries.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
