using Ocpp16.Testing;
using Xunit;

namespace Station.Tests.Runtime;

/// <summary>Timers whose ticks run under the station lock and never act on a deadline that no longer exists.</summary>
public sealed class StationTimerTests : IAsyncLifetime
{
    private readonly RuntimeFixture _fixture = new();
    private readonly List<DateTimeOffset> _ticks = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_started_timer_ticks_once_at_its_due_time()
    {
        using var timer = CreateTimer();

        timer.Start(TimeSpan.FromSeconds(5));
        await _fixture.AdvanceAsync(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.Empty(_ticks);
        await _fixture.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal([VirtualClock.Epoch.AddSeconds(5)], _ticks);
        Assert.True(timer.IsRunning);
    }

    [Fact]
    public async Task A_timer_with_a_period_ticks_at_its_due_time_then_every_period()
    {
        using var timer = CreateTimer();

        timer.Start(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        await _fixture.AdvanceAsync(TimeSpan.FromSeconds(9));

        Assert.Equal([2, 5, 8], _ticks.Select(t => (t - VirtualClock.Epoch).TotalSeconds));
    }

    [Fact]
    public async Task A_timer_that_was_never_started_does_not_tick()
    {
        using var timer = CreateTimer();

        await _fixture.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Empty(_ticks);
        Assert.False(timer.IsRunning);
    }

    [Fact]
    public async Task A_stopped_timer_does_not_tick()
    {
        using var timer = CreateTimer();
        timer.Start(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        await _fixture.AdvanceAsync(TimeSpan.FromSeconds(5));

        timer.Stop();
        await _fixture.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Single(_ticks);
        Assert.False(timer.IsRunning);
    }

    [Fact]
    public async Task Starting_again_replaces_the_due_time()
    {
        using var timer = CreateTimer();
        timer.Start(TimeSpan.FromSeconds(10));
        await _fixture.AdvanceAsync(TimeSpan.FromSeconds(4));

        timer.Start(TimeSpan.FromSeconds(10));
        await _fixture.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal([VirtualClock.Epoch.AddSeconds(14)], _ticks);
    }

    [Fact]
    public async Task A_due_time_in_the_past_ticks_at_once()
    {
        using var timer = CreateTimer();

        timer.Start(TimeSpan.FromSeconds(-3));
        await _fixture.AdvanceAsync(TimeSpan.Zero);

        Assert.Equal([VirtualClock.Epoch], _ticks);
    }

    [Fact]
    public async Task A_tick_waits_for_the_station_lock()
    {
        using var timer = CreateTimer();
        timer.Start(TimeSpan.FromSeconds(1));

        using (await _fixture.Runtime.Lock.EnterAsync().OrTimeout())
        {
            _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            var idle = _fixture.Runtime.Background.WhenIdleAsync();
            await Task.Yield();
            Assert.False(idle.IsCompleted);
            Assert.Empty(_ticks);
        }

        await _fixture.Runtime.Background.WhenIdleAsync().OrTimeout();
        Assert.Single(_ticks);
    }

    [Fact]
    public async Task A_tick_already_waiting_for_the_lock_when_the_timer_is_stopped_is_dropped()
    {
        using var timer = CreateTimer();
        timer.Start(TimeSpan.FromSeconds(1));

        using (await _fixture.Runtime.Lock.EnterAsync().OrTimeout())
        {
            _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            timer.Stop();
        }

        await _fixture.Runtime.Background.WhenIdleAsync().OrTimeout();
        Assert.Empty(_ticks);
    }

    [Fact]
    public async Task A_tick_already_waiting_for_the_lock_when_the_timer_is_restarted_is_dropped_and_the_new_deadline_holds()
    {
        using var timer = CreateTimer();
        timer.Start(TimeSpan.FromSeconds(1));

        using (await _fixture.Runtime.Lock.EnterAsync().OrTimeout())
        {
            _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            timer.Start(TimeSpan.FromSeconds(5));
        }

        await _fixture.Runtime.Background.WhenIdleAsync().OrTimeout();
        Assert.Empty(_ticks);
        await _fixture.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([VirtualClock.Epoch.AddSeconds(6)], _ticks);
    }

    [Fact]
    public async Task A_disposed_timer_does_not_tick()
    {
        var timer = CreateTimer();
        timer.Start(TimeSpan.FromSeconds(1));

        timer.Dispose();
        await _fixture.AdvanceAsync(TimeSpan.FromSeconds(2));

        Assert.Empty(_ticks);
        Assert.False(timer.IsRunning);
    }

    [Fact]
    public async Task A_failing_tick_is_logged_and_the_next_period_ticks_again()
    {
        var ticks = 0;
        using var timer = _fixture.Runtime.CreateTimer("flaky", () =>
        {
            if (++ticks == 1)
            {
                throw new InvalidOperationException("first tick fails");
            }
        });
        _fixture.Logs.ExpectedError = e => e.EventId.Id == 2000;

        timer.Start(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await _fixture.AdvanceAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(2, ticks);
        var error = Assert.Single(_fixture.Logs.Entries, e => e.EventId.Id == 2000);
        Assert.Contains("'flaky'", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    private Station.Runtime.StationTimer CreateTimer() => _fixture.Runtime.CreateTimer("test timer", () => _ticks.Add(_fixture.Clock.GetUtcNow()));
}
