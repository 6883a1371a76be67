namespace Station.Runtime;

/// <summary>
/// One scheduler for every deadline of a process: a <see cref="TimeProvider"/> whose timers are
/// entries of one priority queue (a binary heap ordered by due time) behind a single timer of the
/// provider it wraps, armed for the earliest entry. A station runs on it unchanged (heartbeats,
/// sampled and clock-aligned meter values, ConnectionTimeOut, MinimumStatusDuration, retries,
/// response timeouts and back-offs are all timers of its provider), so <c>run</c> holds one real
/// timer, and a fleet of thirty thousand stations sharing one multiplexer holds one too, instead
/// of one per concern per station.
/// </summary>
/// <remarks>
/// Why a heap rather than a timer wheel or a periodic tick (Kestrel's heartbeat): deadlines here
/// need their exact time (an energy allowance ends at the millisecond it is used up, C-03; virtual
/// time tests advance timer by timer), arming and cancelling is O(log n), and a tick would wake
/// every idle station each period for nothing. A cancelled or changed timer leaves its old entry
/// in the heap; entries are skipped when they surface and the heap is rebuilt once stale entries
/// outnumber the live ones, so memory follows the number of armed timers.
/// </remarks>
public sealed class TimerMultiplexer : TimeProvider, IDisposable
{
    private const int CompactionFloor = 1024;

    private readonly TimeProvider _inner;

    // Taken before _gate by whoever re-arms the real timer, so two re-arms never land out of order.
    private readonly Lock _armGate = new();
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private PriorityQueue<Entry, long> _queue = new();
    private long _armedFor = long.MaxValue;
    private int _live;
    private int _stale;
    private long _created;
    private long _fired;
    private bool _disposed;

    /// <summary>Creates the multiplexer over <paramref name="inner"/>, which gets exactly one timer.</summary>
    public TimerMultiplexer(TimeProvider inner)
    {
        _inner = inner;
        _timer = inner.CreateTimer(static state => ((TimerMultiplexer)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Timers armed now (entries that will fire unless changed or disposed).</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_gate)
            {
                return _live;
            }
        }
    }

    /// <summary>Entries in the heap, live and stale: bounded by about twice the armed timers.</summary>
    public int QueuedEntries
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Timers created on this multiplexer so far (armed or not).</summary>
    public long CreatedTimers => Interlocked.Read(ref _created);

    /// <summary>Timer callbacks run so far.</summary>
    public long FiredCallbacks => Interlocked.Read(ref _fired);

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    /// <inheritdoc/>
    public override long GetTimestamp() => _inner.GetTimestamp();

    /// <inheritdoc/>
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Interlocked.Increment(ref _created);
        var timer = new MultiplexedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queue.Clear();
            _live = 0;
            _stale = 0;
        }

        _timer.Dispose();
    }

    // Arms `timer` (a new version of it) at dueTime from now; InfiniteTimeSpan disarms it.
    private bool Schedule(MultiplexedTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_armGate)
        {
            long? arm;
            lock (_gate)
            {
                // A disposed timer is not armed again (ITimer.Change answers false).
                if (_disposed || timer.Callback is null)
                {
                    return false;
                }

                Retire(timer);
                timer.Period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                var due = _inner.GetTimestamp() + ToTimestamp(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
                arm = Add(new Entry(timer, timer.Version), due);
            }

            if (arm is { } at)
            {
                ArmRealTimer(at);
            }

            return true;
        }
    }

    // Under the gate: the timer's armed entry, if any, becomes stale.
    private void Retire(MultiplexedTimer timer)
    {
        timer.Version++;
        if (timer.IsArmed)
        {
            timer.IsArmed = false;
            _live--;
            _stale++;
        }
    }

    // Under the gate; returns the time the real timer must now be armed for, if it moved earlier.
    private long? Add(Entry entry, long due)
    {
        entry.Timer.IsArmed = true;
        _live++;
        _queue.Enqueue(entry, due);
        if (_stale > CompactionFloor && _stale > _live)
        {
            Compact();
        }

        if (due >= _armedFor)
        {
            return null;
        }

        _armedFor = due;
        return due;
    }

    // Under the arm gate, outside the gate: a fake provider may run the callback inline.
    private void ArmRealTimer(long due)
    {
        var delay = due - _inner.GetTimestamp();
        _timer.Change(delay <= 0 ? TimeSpan.Zero : FromTimestamp(delay), Timeout.InfiniteTimeSpan);
    }

    private void Compact()
    {
        var live = new List<(Entry, long)>(_live);
        while (_queue.TryDequeue(out var entry, out var due))
        {
            if (entry.IsCurrent)
            {
                live.Add((entry, due));
            }
        }

        _queue = new PriorityQueue<Entry, long>(live);
        _stale = 0;
    }

    private void Fire()
    {
        List<(TimerCallback Callback, object? State)>? due = null;
        lock (_armGate)
        {
            long? next = null;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                var now = _inner.GetTimestamp();
                while (_queue.TryPeek(out var entry, out var at) && at <= now)
                {
                    _queue.Dequeue();
                    if (!entry.IsCurrent)
                    {
                        _stale--;
                        continue;
                    }

                    var timer = entry.Timer;
                    timer.IsArmed = false;
                    _live--;
                    (due ??= []).Add((timer.Callback!, timer.State));
                    if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                    {
                        // Periodic: the next period counts from this due time, not from when it ran.
                        Add(new Entry(timer, timer.Version), at + ToTimestamp(timer.Period));
                    }
                }

                _armedFor = long.MaxValue;
                if (_queue.TryPeek(out _, out var earliest))
                {
                    _armedFor = earliest;
                    next = earliest;
                }
            }

            if (next is { } at2)
            {
                ArmRealTimer(at2);
            }
        }

        if (due is null)
        {
            return;
        }

        // Outside both gates: a callback may arm timers of its own.
        foreach (var (callback, state) in due)
        {
            Interlocked.Increment(ref _fired);
            callback(state);
        }
    }

    private long ToTimestamp(TimeSpan span) => (long)(span.Ticks * (double)_inner.TimestampFrequency / TimeSpan.TicksPerSecond);

    private TimeSpan FromTimestamp(long timestamp) => TimeSpan.FromTicks((long)Math.Ceiling(timestamp * (double)TimeSpan.TicksPerSecond / _inner.TimestampFrequency));

    private readonly record struct Entry(MultiplexedTimer Timer, long Version)
    {
        public bool IsCurrent => Timer.Version == Version && Timer.IsArmed;
    }

    private sealed class MultiplexedTimer(TimerMultiplexer owner, TimerCallback callback, object? state) : ITimer
    {
        // Written under the owner's gate only.
        public long Version { get; set; }

        public bool IsArmed { get; set; }

        public TimeSpan Period { get; set; } = Timeout.InfiniteTimeSpan;

        // Null once disposed (under the gate): a stale entry left in the heap then keeps only this
        // shell alive until it surfaces, not what the callback holds (a response timeout's task).
        public TimerCallback? Callback { get; private set; } = callback;

        public object? State { get; private set; } = state;

        public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Schedule(this, dueTime, period);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner.Retire(this);
                Callback = null;
                State = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
