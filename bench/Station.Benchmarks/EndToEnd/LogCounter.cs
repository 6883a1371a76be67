using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// The benchmarks' logging: nothing below Warning is formatted (as a quiet production station), and
/// every Warning or Error is counted and the first few kept, so a run that went wrong says so.
/// </summary>
internal sealed class LogCounter : ILoggerProvider
{
    private const int Kept = 10;
    private readonly ConcurrentQueue<string> _first = new();
    private int _warnings;
    private int _errors;

    public int Warnings => Volatile.Read(ref _warnings);

    public int Errors => Volatile.Read(ref _errors);

    public IReadOnlyList<string> First => [.. _first];

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Warning).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this, categoryName);

    public void Dispose()
    {
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"log: {Warnings} warnings, {Errors} errors");
        foreach (var line in First)
        {
            output.WriteLine($"  {line}");
        }
    }

    private void Add(LogLevel level, string category, string message)
    {
        Interlocked.Increment(ref level >= LogLevel.Error ? ref _errors : ref _warnings);
        if (_first.Count < Kept)
        {
            _first.Enqueue($"{level} {category}: {message}");
        }
    }

    private sealed class CountingLogger(LogCounter counter, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                counter.Add(logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message})"));
            }
        }
    }
}
