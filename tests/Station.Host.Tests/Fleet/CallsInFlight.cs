using System.Text.Json;
using Ocpp16.Rpc;
using Station.Host.Fleet;

namespace Station.Host.Tests.Fleet;

/// <summary>
/// The CALLs of a fleet not answered yet, either way, per station, from every frame its stations see;
/// a closed connection takes its unanswered CALLs with it (the station gives them up, as it must).
/// What a virtual-time test waits on before it moves the clock, where frames can be lost at a cut.
/// </summary>
internal sealed class CallsInFlight
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _open = new(StringComparer.Ordinal);

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _open.Values.All(ids => ids.Count == 0);
            }
        }
    }

    public IFrameObserver Wrap(string chargePointId, IFrameObserver inner)
    {
        lock (_gate)
        {
            _open[chargePointId] = [];
        }

        return new Observer(this, chargePointId, inner);
    }

    /// <summary>Forgets a station's CALLs whenever one of its connections closes.</summary>
    public void Watch(FleetStation station) => station.Runner.InstanceStarted += instance => instance.Link.Disconnected += () =>
    {
        lock (_gate)
        {
            _open[station.Id].Clear();
        }
    };

    private void OnFrame(string chargePointId, FrameDirection direction, ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || !reader.Read() || !reader.TryGetInt32(out var type) || !reader.Read() || reader.GetString() is not { } id)
        {
            return;
        }

        // A CALL is open until a CALLRESULT or CALLERROR with its id goes the other way; ids are kept apart by direction.
        var key = type == 2 ? $"{direction}:{id}" : $"{(direction == FrameDirection.Sent ? FrameDirection.Received : FrameDirection.Sent)}:{id}";
        lock (_gate)
        {
            var open = _open[chargePointId];
            if (type == 2)
            {
                open.Add(key);
            }
            else
            {
                open.Remove(key);
            }
        }
    }

    private sealed class Observer(CallsInFlight calls, string chargePointId, IFrameObserver inner) : IFrameObserver
    {
        public void OnFrame(FrameDirection direction, ReadOnlySpan<byte> frame)
        {
            inner.OnFrame(direction, frame);
            calls.OnFrame(chargePointId, direction, frame);
        }
    }
}
