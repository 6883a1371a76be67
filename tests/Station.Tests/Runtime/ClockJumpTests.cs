using Ocpp16.Testing;
using Xunit;

namespace Station.Tests.Runtime;

/// <summary>
/// A clock jump (SettingSystemTime, stored times shifted) is a move beyond what the answer's round
/// trip can explain: the Central System read its clock somewhere within it.
/// </summary>
public sealed class ClockJumpTests
{
    [Fact]
    public async Task A_move_within_the_round_trip_of_a_slow_answer_is_no_jump_and_a_larger_one_is()
    {
        await using var fixture = new RuntimeFixture();
        var jumps = new List<TimeSpan>();
        fixture.Runtime.ClockJumped += jumps.Add;
        var now = fixture.Clock.GetUtcNow();

        // Answered after 3 s, stamped when the Central System answered: 2.5 s behind by the time it is read.
        await fixture.Runtime.SynchronizeClockAsync(now.AddSeconds(-2.5), TimeSpan.FromSeconds(3)).OrTimeout();
        Assert.Empty(jumps);
        Assert.Equal(TimeSpan.FromSeconds(-2.5), fixture.Runtime.Clock.Offset);

        // The next answer is fast: back by 2.5 s, within the previous answer's uncertainty.
        await fixture.Runtime.SynchronizeClockAsync(now, TimeSpan.FromMilliseconds(5)).OrTimeout();
        Assert.Empty(jumps);

        // Then fast again, with the Central System's clock 10 minutes on: a jump.
        await fixture.Runtime.SynchronizeClockAsync(now.AddMinutes(10), TimeSpan.FromMilliseconds(5)).OrTimeout();
        var jump = Assert.Single(jumps);
        Assert.InRange(jump.TotalSeconds, 599.9, 600.1);
    }

    [Fact]
    public async Task Without_a_round_trip_a_move_of_the_threshold_is_a_jump()
    {
        await using var fixture = new RuntimeFixture();
        var jumps = new List<TimeSpan>();
        fixture.Runtime.ClockJumped += jumps.Add;

        await fixture.Runtime.SynchronizeClockAsync(fixture.Clock.GetUtcNow().AddSeconds(-2.5)).OrTimeout();

        Assert.Equal([TimeSpan.FromSeconds(-2.5)], jumps);
    }
}
