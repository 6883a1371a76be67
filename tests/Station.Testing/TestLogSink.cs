using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Station.Testing;

/// <summary>One captured log entry.</summary>
/// <param name="Level">Its level.</param>
/// <param name="Category">The logger category.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception, if any.</param>
public sealed record LogEntry(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Level} {Category}[{EventId.Id}] {Message}{(Exception is null ? string.Empty : $" ({Exception.GetType().Name}: {Exception.Message})")}";
}

/// <summary>
/// Captures every log entry of a test, optionally echoing it to the test output, so a test can
/// assert on events and fail on any unexpected Error (style habit 16).
/// </summary>
public sealed class TestLogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly Action<string>? _output;
    private readonly Lock _gate = new();
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the sink; <paramref name="output"/> receives each line (e.g. ITestOutputHelper.WriteLine).</summary>
    public TestLogSink(Action<string>? output = null) => _output = output;

    /// <summary>Every entry so far.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Errors matching this predicate are expected by the test and do not fail it.</summary>
    public Func<LogEntry, bool> ExpectedError { get; set; } = static _ => false;

    /// <summary>A logger factory writing here.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(this));

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    /// <summary>Returns the first entry (ever) that matches, waiting for it within <see cref="TestTimeouts.Default"/>.</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default, TimeProvider.System);
        while (true)
        {
            Task added;
            lock (_gate)
            {
                added = _added.Task;
            }

            if (_entries.FirstOrDefault(predicate) is { } entry)
            {
                return entry;
            }

            try
            {
                await added.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching log entry within {TestTimeouts.Default}");
            }
        }
    }

    /// <summary>Fails when an unexpected Error or Critical entry was logged.</summary>
    public void AssertNoErrors()
    {
        var errors = _entries.Where(e => e.Level >= LogLevel.Error && !ExpectedError(e)).ToList();
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
        _entries.Enqueue(entry);
        lock (_gate)
        {
            _added.TrySetResult();
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
