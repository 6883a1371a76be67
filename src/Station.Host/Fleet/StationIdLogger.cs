using Microsoft.Extensions.Logging;

namespace Station.Host.Fleet;

/// <summary>A logger that writes <c>ID: message</c> through the shared logger of its category.</summary>
internal sealed class StationIdLogger(ILogger inner, string chargePointId) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        inner.Log(logLevel, eventId, state, exception, (s, e) => $"{chargePointId}: {formatter(s, e)}");
}
