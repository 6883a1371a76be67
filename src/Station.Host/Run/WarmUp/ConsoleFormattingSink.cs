using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Station.Host.Run.WarmUp;

/// <summary>
/// A log provider for the warm-up that formats every entry with the console's own formatter, configured
/// as <c>run</c> configures it, and throws the text away. Why: the console formatter is generic over each
/// log event's state type, so each event's formatting is compiled the first time that event is written;
/// without this the real station's first transaction still paid for it (about 3 ms of its first remote start).
/// </summary>
internal sealed class ConsoleFormattingSink : ILoggerProvider
{
    private readonly ServiceProvider _services;
    private readonly ConsoleFormatter _formatter;

    public ConsoleFormattingSink()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => CommonOptions.ConfigureLogging(logging, LogLevel.Information));
        _services = services.BuildServiceProvider();
        _formatter = _services.GetServices<ConsoleFormatter>().First(f => f.Name == ConsoleFormatterNames.Simple);
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new FormattingLogger(categoryName, _formatter);

    /// <inheritdoc/>
    public void Dispose() => _services.Dispose();

    private sealed class FormattingLogger(string category, ConsoleFormatter formatter) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> format)
        {
            if (IsEnabled(logLevel))
            {
                formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, format), null, TextWriter.Null);
            }
        }
    }
}
