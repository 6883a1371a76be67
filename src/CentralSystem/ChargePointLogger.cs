using System.Collections;
using Microsoft.Extensions.Logging;

namespace CentralSystem;

/// <summary>
/// The logger of one session's connection. The OCPP-J layer logs without saying which connection
/// it serves, which is useless among thousands of stations: every line gets the charge point id
/// as a prefix of its message and as a ChargePointId scope.
/// </summary>
internal sealed class ChargePointLogger(ILogger inner, string chargePointId) : ILogger
{
    private readonly ChargePointScope _scope = new(chargePointId);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        using var scope = inner.BeginScope(_scope);
        inner.Log(logLevel, eventId, state, exception, (s, e) => $"[{chargePointId}] {formatter(s, e)}");
    }

    // Structured for sinks that read scope properties, readable for those that print the scope.
    private sealed class ChargePointScope(string chargePointId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("ChargePointId", chargePointId) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"ChargePointId:{chargePointId}";
    }
}
