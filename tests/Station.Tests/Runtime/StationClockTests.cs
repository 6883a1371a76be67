using Ocpp16.Testing;
using Station.Runtime;
using Xunit;

namespace Station.Tests.Runtime;

/// <summary>The station's wall clock follows the Central System's time (OCPP 1.6 §4.2); intervals do not.</summary>
public sealed class StationClockTests
{
    private readonly VirtualClock _inner = new();
    private readonly StationClock _clock;

    public StationClockTests() => _clock = new StationClock(_inner);

    [Fact]
    public void Before_any_synchronization_the_clock_is_the_injected_time()
    {
        Assert.Equal(TimeSpan.Zero, _clock.Offset);
        Assert.Equal(_inner.GetUtcNow(), _clock.GetUtcNow());
        Assert.Same(_inner, _clock.Inner);
    }

    [Theory]
    [InlineData(3600)]
    [InlineData(-86400)]
    [InlineData(0.25)]
    public void Synchronizing_takes_the_Central_System_time_as_the_wall_clock(double aheadSeconds)
    {
        var centralSystemTime = _inner.GetUtcNow().AddSeconds(aheadSeconds);

        _clock.Synchronize(centralSystemTime);

        Assert.Equal(centralSystemTime, _clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(aheadSeconds), _clock.Offset);
    }

    [Fact]
    public void The_synchronized_clock_moves_on_with_the_injected_time()
    {
        var centralSystemTime = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _clock.Synchronize(centralSystemTime);

        _inner.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(centralSystemTime.AddMinutes(3), _clock.GetUtcNow());
    }

    [Fact]
    public void A_new_synchronization_replaces_the_offset_instead_of_adding_to_it()
    {
        _clock.Synchronize(_inner.GetUtcNow().AddHours(1));
        _inner.Advance(TimeSpan.FromSeconds(10));

        _clock.Synchronize(_inner.GetUtcNow().AddSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), _clock.Offset);
        Assert.Equal(_inner.GetUtcNow().AddSeconds(2), _clock.GetUtcNow());
    }

    [Fact]
    public void Elapsed_time_ignores_a_clock_correction()
    {
        var start = _clock.GetTimestamp();

        _clock.Synchronize(_inner.GetUtcNow().AddHours(-5));
        _inner.Advance(TimeSpan.FromSeconds(42));

        Assert.Equal(TimeSpan.FromSeconds(42), _clock.GetElapsedTime(start));
    }

    [Fact]
    public void A_timer_runs_its_interval_whatever_the_clock_is_corrected_by()
    {
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        _clock.Synchronize(_inner.GetUtcNow().AddHours(1));
        _inner.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, fired);
        _clock.Synchronize(_inner.GetUtcNow().AddHours(-2));
        _inner.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, fired);
    }

    [Fact]
    public void The_time_zone_is_the_injected_one() => Assert.Same(_inner.LocalTimeZone, _clock.LocalTimeZone);
}
