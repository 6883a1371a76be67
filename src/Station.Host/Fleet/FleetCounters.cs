using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Station.Host.Fleet;

/// <summary>
/// What the whole fleet counts, shared by every station: frames sent and received by action,
/// response times of the stations' CALLs, CALLERRORs, connections and reconnects. The same
/// figures are instruments of the <see cref="MeterName"/> meter for <c>GET /metrics</c>.
/// </summary>
internal sealed class FleetCounters : IDisposable
{
    public const string MeterName = "Station.Fleet";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _messages;
    private readonly Histogram<double> _responseTime;
    private readonly Counter<long> _chaos;
    private readonly ConcurrentDictionary<string, ActionCounts> _actions = new(StringComparer.Ordinal);
    private long _sent;
    private long _received;
    private long _errors;
    private long _reconnectCount;
    private long _connections;
    private long _chaosDisconnects;
    private long _chaosPowerLosses;

    public FleetCounters()
    {
        _messages = _meter.CreateCounter<long>("ocpp.messages", "{message}", "OCPP frames by action, direction (sent/received) and kind (call/result/error)");
        // Observed, not added to: a fleet without reconnects shows 0 in /metrics rather than nothing.
        _meter.CreateObservableCounter("ocpp.reconnects", () => Reconnects, "{connection}", "Connections of a station after its first one");
        _responseTime = _meter.CreateHistogram<double>("ocpp.response_time", "ms", "Central System response time of the stations' CALLs, by action");
        _chaos = _meter.CreateCounter<long>("fleet.chaos_events", "{event}", "Chaos of the fleet by kind: network drops (disconnect) and power losses (power_loss)");
    }

    /// <summary>The meter, for the gauges the fleet adds (connected, booted, charging, queue depth).</summary>
    public Meter Meter => _meter;

    public long Sent => Interlocked.Read(ref _sent);

    public long Received => Interlocked.Read(ref _received);

    /// <summary>CALLERRORs either way and CALLs the Central System did not answer in time.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public long Reconnects => Interlocked.Read(ref _reconnectCount);

    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Network drops the chaos made.</summary>
    public long ChaosDisconnects => Interlocked.Read(ref _chaosDisconnects);

    /// <summary>Power losses the chaos made.</summary>
    public long ChaosPowerLosses => Interlocked.Read(ref _chaosPowerLosses);

    public ResponseTimes ResponseTimes { get; } = new();

    /// <summary>Counts and response times per action.</summary>
    public IReadOnlyDictionary<string, ActionCounts> Actions => _actions;

    public void OnFrame(bool sent, FrameKind kind, string action)
    {
        Interlocked.Increment(ref sent ? ref _sent : ref _received);
        if (kind == FrameKind.Error)
        {
            Interlocked.Increment(ref _errors);
        }

        var counts = _actions.GetOrAdd(action, static a => new ActionCounts(a));
        counts.Count(sent, kind);
        _messages.Add(1, new("action", action), new("direction", sent ? "sent" : "received"), new("kind", kind.ToString().ToLowerInvariant()));
    }

    public void OnResponse(string action, TimeSpan elapsed)
    {
        ResponseTimes.Record(elapsed);
        _actions.GetOrAdd(action, static a => new ActionCounts(a)).ResponseTimes.Record(elapsed);
        _responseTime.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("action", action));
    }

    public void OnTimeout() => Interlocked.Increment(ref _errors);

    public void OnConnected(bool first)
    {
        Interlocked.Increment(ref _connections);
        if (!first)
        {
            Interlocked.Increment(ref _reconnectCount);
        }
    }

    public void OnChaosDisconnect()
    {
        Interlocked.Increment(ref _chaosDisconnects);
        _chaos.Add(1, new KeyValuePair<string, object?>("kind", "disconnect"));
    }

    public void OnChaosPowerLoss()
    {
        Interlocked.Increment(ref _chaosPowerLosses);
        _chaos.Add(1, new KeyValuePair<string, object?>("kind", "power_loss"));
    }

    public void Dispose() => _meter.Dispose();
}
