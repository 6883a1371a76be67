using Microsoft.Extensions.Logging;

namespace Ocpp16.Testing;

/// <summary>
/// Captures every log entry of a test, optionally echoing it to the test output, so a test can
/// assert on events and fail on any unexpected Error (style habit 16).
/// </summary>
public sealed class TestLogSink : ILoggerProvider
{
    private readonly List<LogEntry> _entries = [];
    private readonly Action<string>? _output;
    private readonly Lock _waitersGate = new();
    private readonly List<(Func<LogEntry, bool> Predicate, TaskCompletionSource<LogEntry> Found)> _waiters = [];

    /// <summary>How many entries were logged so far (a position for <see cref="WaitForAsync(Func{LogEntry, bool}, int)"/>).</summary>
    public int Count
    {
        get
        {
            lock (_waitersGate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Creates the sink; <paramref name="output"/> receives each line (e.g. ITestOutputHelper.WriteLine).</summary>
    public TestLogSink(Action<string>? output = null) => _output = output;

    /// <summary>Every entry so far.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_waitersGate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Errors matching this predicate are expected by the test and do not fail it.</summary>
    public Func<LogEntry, bool> ExpectedError { get; set; } = static _ => false;

    /// <summary>A logger factory writing here.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(this));

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    /// <summary>The first entry, past or future, that matches <paramref name="predicate"/> (bounded by the test timeout).</summary>
    public Task<LogEntry> WaitForAsync(Func<LogEntry, bool> predicate) => WaitForAsync(predicate, 0);

    /// <summary>The first matching entry logged at or after position <paramref name="from"/> (see <see cref="Count"/>).</summary>
    public Task<LogEntry> WaitForAsync(Func<LogEntry, bool> predicate, int from)
    {
        lock (_waitersGate)
        {
            if (_entries.Skip(from).FirstOrDefault(predicate) is { } found)
            {
                return Task.FromResult(found);
            }

            var waiter = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, waiter));
            return waiter.Task.OrTimeout();
        }
    }

    /// <summary>Fails when an unexpected Error or Critical entry was logged.</summary>
    public void AssertNoErrors()
    {
        var errors = Entries.Where(e => e.Level >= LogLevel.Error && !ExpectedError(e)).ToList();
        if (errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"unexpected error logs:\n{string.Join("\n", errors)}");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_waitersGate)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(w => w.Predicate(entry)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(entry);
            }
        }

        try
        {
            _output?.Invoke(entry.ToString());
        }
        catch (InvalidOperationException)
        {
            // The test already ended; xunit refuses output then.
        }
    }

    private sealed class SinkLogger(TestLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Add(new LogEntry(logLevel, category, eventId, formatter(state, exception), exception));
    }
}
