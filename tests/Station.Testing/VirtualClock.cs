using Microsoft.Extensions.Time.Testing;

namespace Station.Testing;

/// <summary>
/// Virtual time for tests: a <see cref="FakeTimeProvider"/> starting at an odd fixed date that
/// also knows which timers are pending, so a test can wait until the code under test has armed
/// the timer it expects (a reconnect back-off, a retry) before advancing past it, instead of
/// guessing with real sleeps.
/// </summary>
public sealed class VirtualClock : FakeTimeProvider
{
    /// <summary>The start of every test: deliberately not "now", not midnight, not a round second.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 3, 17, 9, 26, 53, 417, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<TrackedTimer> _timers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the clock at <see cref="Epoch"/>.</summary>
    public VirtualClock()
        : base(Epoch)
    {
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Inner = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _timers.Add(tracked);
        }

        tracked.Arm(dueTime, period);
        return tracked;
    }

    /// <summary>Waits (in real time, bounded) until a timer is due within <paramref name="within"/> of now.</summary>
    public async Task WaitForTimerAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default, TimeProvider.System);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var now = GetUtcNow();
                if (_timers.Any(t => t.DueAt is { } due && due - now <= within))
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no timer due within {within} was armed within {TestTimeouts.Default}");
            }
        }
    }

    /// <summary>
    /// Waits (in real time, bounded) until a timer is due exactly at <paramref name="dueAt"/>: the
    /// one a test expects (a retry after its interval), not whichever timer comes first.
    /// </summary>
    public async Task WaitForTimerAtAsync(DateTimeOffset dueAt)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default, TimeProvider.System);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_timers.Any(t => t.DueAt == dueAt))
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                string due;
                lock (_gate)
                {
                    due = string.Join(", ", _timers.Select(t => t.DueAt?.ToString("O", global::System.Globalization.CultureInfo.InvariantCulture)).OfType<string>());
                }

                throw new TimeoutException($"no timer due at {dueAt:O} was armed within {TestTimeouts.Default}; due: {due}");
            }
        }
    }

    /// <summary>Waits until a timer is due within <paramref name="within"/>, then advances past it.</summary>
    public async Task AdvanceWhenArmedAsync(TimeSpan within)
    {
        await WaitForTimerAsync(within).ConfigureAwait(false);
        Advance(within);
    }

    /// <summary>Moves time forward, firing the timers that fall due.</summary>
    public new void Advance(TimeSpan delta)
    {
        base.Advance(delta);
        lock (_gate)
        {
            var now = GetUtcNow();
            foreach (var timer in _timers)
            {
                timer.Passed(now);
            }
        }
    }

    private void Signal()
    {
        lock (_gate)
        {
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private void Remove(TrackedTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class TrackedTimer(VirtualClock clock) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = Inner.Change(dueTime, period);
            Arm(dueTime, period);
            return changed;
        }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            clock.Signal();
        }

        // Called under the clock's lock after time moved: a one-shot timer is spent, a periodic one moves on.
        public void Passed(DateTimeOffset now)
        {
            while (DueAt is { } due && due <= now)
            {
                DueAt = _period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan ? due + _period : null;
            }
        }

        public void Dispose()
        {
            Inner.Dispose();
            DueAt = null;
            clock.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
