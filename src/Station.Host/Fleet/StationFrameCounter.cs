using System.Diagnostics;
using System.Text.Json;
using Ocpp16.Rpc;

namespace Station.Host.Fleet;

/// <summary>
/// Sees the frames of one station and counts them into the fleet's <see cref="FleetCounters"/>:
/// the action of a CALL from its third element, that of a CALLRESULT or CALLERROR from the CALL
/// it answers (a station has one CALL of its own outstanding at a time, OCPP-J §4.1.1), and the
/// response time of the station's CALLs from the frame that answers them.
/// </summary>
internal sealed class StationFrameCounter(FleetCounters counters) : IFrameObserver
{
    private readonly Lock _gate = new();
    private string? _outgoingId;
    private string _outgoingAction = "unknown";
    private long _outgoingAt;
    private string _incomingAction = "unknown";

    private IFrameObserver? _watcher;

    /// <summary>Frames sent by this station, all kinds (the per-station rate of the benchmark).</summary>
    public long Sent { get; private set; }

    /// <summary>
    /// Sees the frames too while a dashboard page watches this station (its frame log, made when
    /// the page opens, <see cref="Dashboard.FleetStationDashboards"/>); null, and free, otherwise.
    /// </summary>
    public IFrameObserver? Watcher
    {
        get => Volatile.Read(ref _watcher);
        set => Volatile.Write(ref _watcher, value);
    }

    public void OnFrame(FrameDirection direction, ReadOnlySpan<byte> frame)
    {
        Volatile.Read(ref _watcher)?.OnFrame(direction, frame);
        if (!TryRead(frame, out var kind, out var id, out var action))
        {
            return;
        }

        var sent = direction == FrameDirection.Sent;
        string counted;
        TimeSpan? answeredIn = null;
        lock (_gate)
        {
            if (sent)
            {
                Sent++;
            }

            if (kind == FrameKind.Call)
            {
                counted = action!;
                if (sent)
                {
                    (_outgoingId, _outgoingAction, _outgoingAt) = (id, counted, Stopwatch.GetTimestamp());
                }
                else
                {
                    _incomingAction = counted;
                }
            }
            else if (sent)
            {
                counted = _incomingAction;
            }
            else
            {
                counted = _outgoingAction;
                if (id == _outgoingId)
                {
                    answeredIn = Stopwatch.GetElapsedTime(_outgoingAt);
                    _outgoingId = null;
                }
            }
        }

        counters.OnFrame(sent, kind, counted);
        if (answeredIn is { } elapsed)
        {
            counters.OnResponse(counted, elapsed);
        }
    }

    private static bool TryRead(ReadOnlySpan<byte> frame, out FrameKind kind, out string? id, out string? action)
    {
        (kind, id, action) = (FrameKind.Call, null, null);
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.Number
                || !reader.TryGetInt32(out var type) || type is < 2 or > 4 || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            kind = (FrameKind)type;
            id = reader.GetString();
            if (kind == FrameKind.Call)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                action = reader.GetString();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
