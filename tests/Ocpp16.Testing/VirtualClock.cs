using Microsoft.Extensions.Time.Testing;

namespace Ocpp16.Testing;

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

    /// <summary>
    /// Waits (in real time, bounded) until a timer is due exactly <paramref name="dueIn"/> from now:
    /// the one the code under test arms for a known wait (a retry, a back-off), not some periodic
    /// timer that happens to fall within the same span.
    /// </summary>
    public Task WaitForTimerAsync(TimeSpan dueIn) => WaitForTimerAsync((due, now) => due - now == dueIn, $"due in {dueIn}");

    /// <summary>Waits (in real time, bounded) until some timer is due within <paramref name="within"/> from now.</summary>
    public Task WaitForTimerWithinAsync(TimeSpan within) => WaitForTimerAsync((due, now) => due - now <= within, $"due within {within}");

    /// <summary>
    /// Waits (in real time, bounded) until a timer is due exactly at <paramref name="dueAt"/>: the
    /// one a test expects (a retry after its interval), not whichever timer comes first.
    /// </summary>
    public Task WaitForTimerAtAsync(DateTimeOffset dueAt) => WaitForTimerAsync((due, _) => due == dueAt, $"due at {dueAt:O}");

    private async Task WaitForTimerAsync(Func<DateTimeOffset, DateTimeOffset, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default, TimeProvider.System);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var now = GetUtcNow();
                if (_timers.Any(t => t.DueAt is { } due && match(due, now)))
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
                throw new TimeoutException($"no timer {what} was armed within {TestTimeouts.Default}");
            }
        }
    }

    /// <summary>Waits until a timer is due exactly <paramref name="dueIn"/> from now, then advances to it.</summary>
    public async Task AdvanceWhenArmedAsync(TimeSpan dueIn)
    {
        await WaitForTimerAsync(dueIn).ConfigureAwait(false);
        Advance(dueIn);
    }

    /// <summary>
    /// Moves time forward timer by timer: each timer fires with the clock at its own due time, as in
    /// real life (the underlying fake would move to the end first and fire everything late).
    /// </summary>
    public new void Advance(TimeSpan delta)
    {
        var target = GetUtcNow() + delta;
        while (StepTowards(target))
        {
        }
    }

    /// <summary>
    /// Moves time to the next timer due no later than <paramref name="target"/>, firing it, or to
    /// <paramref name="target"/> when none is due before; false once <paramref name="target"/> is reached.
    /// </summary>
    public bool StepTowards(DateTimeOffset target)
    {
        DateTimeOffset now;
        DateTimeOffset? next;
        lock (_gate)
        {
            now = GetUtcNow();
            next = _timers.Select(t => t.DueAt).Where(d => d is { } due && due <= target).Min();
        }

        if (now >= target)
        {
            return false;
        }

        var to = next is { } due && due > now ? due : next is not null ? now : target;
        base.Advance(to - now);
        lock (_gate)
        {
            var after = GetUtcNow();
            foreach (var timer in _timers)
            {
                timer.Passed(after);
            }
        }

        return GetUtcNow() < target;
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
