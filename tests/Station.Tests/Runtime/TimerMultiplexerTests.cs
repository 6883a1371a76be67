using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Station.Runtime;
using Xunit;

namespace Station.Tests.Runtime;

/// <summary>
/// The one scheduler of a process: every timer of a station (or of thirty thousand) is an entry
/// behind a single timer of the wrapped provider, and fires when a timer of its own would.
/// </summary>
public sealed class TimerMultiplexerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 17, 9, 26, 53, 417, TimeSpan.Zero);

    [Fact]
    public void A_thousand_timers_share_one_timer_of_the_wrapped_provider_and_fire_at_their_own_times()
    {
        var inner = new CountingTimeProvider(new FakeTimeProvider(Start));
        using var multiplexer = new TimerMultiplexer(inner);
        var fired = new List<(int Id, DateTimeOffset At)>();
        var timers = Enumerable.Range(1, 1000)
            .Select(id => multiplexer.CreateTimer(_ => fired.Add((id, inner.GetUtcNow())), null, TimeSpan.FromSeconds(1001 - id), Timeout.InfiniteTimeSpan))
            .ToList();

        for (var second = 1; second <= 1000; second++)
        {
            inner.Fake.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, inner.TimersCreated);
        Assert.Equal(Enumerable.Range(1, 1000).Reverse(), fired.Select(f => f.Id));
        Assert.All(fired, f => Assert.Equal(Start.AddSeconds(1001 - f.Id), f.At));
        Assert.Equal(0, multiplexer.ArmedTimers);
        timers.ForEach(t => t.Dispose());
    }

    [Fact]
    public void A_changed_timer_fires_only_at_its_new_time_and_a_disposed_one_never()
    {
        var fake = new FakeTimeProvider(Start);
        using var multiplexer = new TimerMultiplexer(fake);
        var fired = new List<string>();
        using var moved = multiplexer.CreateTimer(_ => fired.Add("moved"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        var disposed = multiplexer.CreateTimer(_ => fired.Add("disposed"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var stopped = multiplexer.CreateTimer(_ => fired.Add("stopped"), null, TimeSpan.FromSeconds(4), Timeout.InfiniteTimeSpan);

        moved.Change(TimeSpan.FromSeconds(8), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        fake.Advance(TimeSpan.FromSeconds(7));
        Assert.Empty(fired);

        fake.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["moved"], fired);
    }

    [Fact]
    public void A_periodic_timer_keeps_its_period_counted_from_each_due_time()
    {
        var fake = new FakeTimeProvider(Start);
        using var multiplexer = new TimerMultiplexer(fake);
        var fired = new List<DateTimeOffset>();
        using var heartbeat = multiplexer.CreateTimer(_ => fired.Add(fake.GetUtcNow()), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

        for (var i = 0; i < 200; i++)
        {
            fake.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([Start.AddSeconds(10), Start.AddSeconds(70), Start.AddSeconds(130), Start.AddSeconds(190)], fired);
        Assert.Equal(1, multiplexer.ArmedTimers);
    }

    [Fact]
    public async Task Periodic_timers_and_timeouts_of_the_framework_run_on_it()
    {
        var fake = new FakeTimeProvider(Start);
        using var multiplexer = new TimerMultiplexer(fake);
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(30), multiplexer);
        var delay = tick.WaitForNextTickAsync().AsTask();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45), multiplexer);
        var waiting = new TaskCompletionSource().Task.WaitAsync(TimeSpan.FromSeconds(20), multiplexer);

        fake.Advance(TimeSpan.FromSeconds(20));
        await Assert.ThrowsAsync<TimeoutException>(() => waiting);
        Assert.False(delay.IsCompleted);
        fake.Advance(TimeSpan.FromSeconds(10));
        await delay.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        Assert.False(timeout.IsCancellationRequested);
        fake.Advance(TimeSpan.FromSeconds(15));
        Assert.True(timeout.IsCancellationRequested);
    }

    [Fact]
    public void Cancelled_timers_do_not_pile_up_in_the_heap()
    {
        var fake = new FakeTimeProvider(Start);
        using var multiplexer = new TimerMultiplexer(fake);
        using var heartbeat = multiplexer.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));

        // A response timeout per CALL, each cancelled by its answer: the pattern of a busy station.
        for (var call = 0; call < 100_000; call++)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60), multiplexer);
        }

        Assert.Equal(1, multiplexer.ArmedTimers);
        Assert.InRange(multiplexer.QueuedEntries, 1, 2 * 1024 + 2);
    }

    [Fact]
    public void A_disposed_timer_lets_go_of_its_state_while_its_stale_entry_waits_in_the_heap()
    {
        var fake = new FakeTimeProvider(Start);
        using var multiplexer = new TimerMultiplexer(fake);
        using var armed = multiplexer.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(60), Timeout.InfiniteTimeSpan);

        // A response timeout disposed by its answer: what it held (the call's task) must not wait 60 s in the heap.
        var state = ArmAndDispose(multiplexer);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(2, multiplexer.QueuedEntries);
        Assert.False(state.TryGetTarget(out _));
    }

    [Fact]
    public void A_disposed_timer_is_not_armed_again()
    {
        var fake = new FakeTimeProvider(Start);
        using var multiplexer = new TimerMultiplexer(fake);
        var fired = 0;
        var timer = multiplexer.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();

        Assert.False(timer.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan));
        fake.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, fired);
        Assert.Equal(0, multiplexer.ArmedTimers);
    }

    // Not inlined: the state object must be unreachable from the test's frame once this returns.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference<object> ArmAndDispose(TimerMultiplexer multiplexer)
    {
        var state = new object();
        multiplexer.CreateTimer(_ => { }, state, TimeSpan.FromSeconds(60), Timeout.InfiniteTimeSpan).Dispose();
        return new WeakReference<object>(state);
    }

    [Fact]
    public void Random_operations_fire_exactly_what_a_reference_schedule_says()
    {
        // Each operation: (timer 0..7, action 0 arm / 1 change / 2 disarm / 3 advance, seconds 0..30).
        var operation = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 3], Gen.Int[0, 30]);
        operation.Array[1, 60].Sample(
            operations =>
            {
                var fake = new FakeTimeProvider(Start);
                using var multiplexer = new TimerMultiplexer(fake);
                var fired = new List<(int Timer, DateTimeOffset At)>();
                var expected = new List<(int Timer, DateTimeOffset At)>();
                var reference = new DateTimeOffset?[8];
                var timers = Enumerable.Range(0, 8).Select(i => multiplexer.CreateTimer(_ => fired.Add((i, fake.GetUtcNow())), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan)).ToArray();
                foreach (var (timer, action, seconds) in operations)
                {
                    var now = fake.GetUtcNow();
                    switch (action)
                    {
                        case 0 or 1:
                            timers[timer].Change(TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);
                            reference[timer] = now.AddSeconds(seconds);
                            break;
                        case 2:
                            timers[timer].Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                            reference[timer] = null;
                            break;
                        default:
                            for (var s = 0; s < seconds; s++)
                            {
                                fake.Advance(TimeSpan.FromSeconds(1));
                                var at = fake.GetUtcNow();
                                for (var i = 0; i < reference.Length; i++)
                                {
                                    if (reference[i] is { } due && due <= at)
                                    {
                                        expected.Add((i, at));
                                        reference[i] = null;
                                    }
                                }
                            }

                            break;
                    }

                    // A timer due now fires at once, as a provider's own timer would.
                    for (var i = 0; i < reference.Length; i++)
                    {
                        if (reference[i] is { } due && due <= fake.GetUtcNow())
                        {
                            expected.Add((i, fake.GetUtcNow()));
                            reference[i] = null;
                        }
                    }
                }

                return expected.Order().SequenceEqual(fired.Order());
            },
            iter: 300);
    }

    /// <summary>A provider that counts the timers created on it.</summary>
    private sealed class CountingTimeProvider(FakeTimeProvider fake) : TimeProvider
    {
        public FakeTimeProvider Fake => fake;

        public int TimersCreated { get; private set; }

        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

        public override long GetTimestamp() => fake.GetTimestamp();

        public override long TimestampFrequency => fake.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            TimersCreated++;
            return fake.CreateTimer(callback, state, dueTime, period);
        }
    }
}
