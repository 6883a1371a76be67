using Ocpp16.Rpc;
using Xunit;

namespace Ocpp16.Tests.Rpc;

/// <summary>The back-off between re-dials: exponential, capped, with bounded jitter.</summary>
public sealed class ReconnectPolicyTests
{
    [Fact]
    public void Delays_double_from_the_initial_delay_until_they_are_capped_at_MaxDelay()
    {
        var policy = new ReconnectPolicy().Validate();

        var delays = Enumerable.Range(1, 9).Select(attempt => policy.DelayBefore(attempt, random: 0).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], delays);
    }

    [Fact]
    public void Delays_grow_by_the_configured_multiplier()
    {
        var policy = new ReconnectPolicy { InitialDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(10), Multiplier = 1.5 }.Validate();

        var delays = Enumerable.Range(1, 6).Select(attempt => policy.DelayBefore(attempt, random: 0).TotalSeconds);

        Assert.Equal([2, 3, 4.5, 6.75, 10, 10], delays);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(1_000)]
    [InlineData(int.MaxValue)]
    public void Late_attempts_stay_at_MaxDelay(int attempt) =>
        Assert.Equal(TimeSpan.FromSeconds(60), new ReconnectPolicy().DelayBefore(attempt, random: 0));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Attempt_numbers_below_one_wait_the_initial_delay(int attempt) =>
        Assert.Equal(TimeSpan.FromSeconds(1), new ReconnectPolicy().DelayBefore(attempt, random: 0));

    [Fact]
    public void Jitter_keeps_every_delay_between_its_jittered_floor_and_the_delay_itself()
    {
        var policy = new ReconnectPolicy { Jitter = 0.3 }.Validate();
        var unjittered = Enumerable.Range(1, 10).Select(a => policy.DelayBefore(a, random: 0)).ToArray();
        var random = new Random(20261125);

        for (var i = 0; i < 2_000; i++)
        {
            var attempt = random.Next(1, 11);
            var delay = policy.DelayBefore(attempt, random.NextDouble());

            var full = unjittered[attempt - 1];
            Assert.InRange(delay, full * (1 - policy.Jitter), full);
        }

        Assert.Equal(TimeSpan.FromSeconds(4), policy.DelayBefore(3, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(4 * 0.85), policy.DelayBefore(3, random: 0.5));
        Assert.InRange(policy.DelayBefore(3, random: Math.BitDecrement(1.0)), TimeSpan.FromSeconds(4 * 0.7), TimeSpan.FromSeconds(4 * 0.7001));
    }

    [Fact]
    public void Jitter_applies_to_the_capped_delay_too()
    {
        var policy = new ReconnectPolicy().Validate();

        Assert.Equal(TimeSpan.FromSeconds(30), policy.DelayBefore(100, random: 1));
    }

    [Fact]
    public void Without_jitter_every_random_value_gives_the_same_delay()
    {
        var policy = new ReconnectPolicy { Jitter = 0 }.Validate();

        Assert.All([0, 0.25, 0.999], r => Assert.Equal(TimeSpan.FromSeconds(8), policy.DelayBefore(4, r)));
    }

    [Theory]
    [InlineData(0, 60, 2, 0.5)]
    [InlineData(-1, 60, 2, 0.5)]
    [InlineData(10, 5, 2, 0.5)]
    [InlineData(1, 60, 0.5, 0.5)]
    [InlineData(1, 60, 0, 0.5)]
    [InlineData(1, 60, double.NaN, 0.5)]
    [InlineData(1, 60, 2, -0.1)]
    [InlineData(1, 60, 2, 1.1)]
    [InlineData(1, 60, 2, double.NaN)]
    [InlineData(1, 60, 2, double.PositiveInfinity)]
    public void Validate_rejects_a_policy_that_cannot_produce_sensible_delays(double initialSeconds, double maxSeconds, double multiplier, double jitter)
    {
        var policy = new ReconnectPolicy
        {
            InitialDelay = TimeSpan.FromSeconds(initialSeconds),
            MaxDelay = TimeSpan.FromSeconds(maxSeconds),
            Multiplier = multiplier,
            Jitter = jitter,
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Validate());
    }

    [Theory]
    [InlineData(1, 60, 2, 0.5)]
    [InlineData(5, 5, 1, 0)]
    [InlineData(0.001, 3600, 10, 1)]
    public void Validate_accepts_and_returns_a_sensible_policy(double initialSeconds, double maxSeconds, double multiplier, double jitter)
    {
        var policy = new ReconnectPolicy
        {
            InitialDelay = TimeSpan.FromSeconds(initialSeconds),
            MaxDelay = TimeSpan.FromSeconds(maxSeconds),
            Multiplier = multiplier,
            Jitter = jitter,
        };

        Assert.Same(policy, policy.Validate());
        Assert.InRange(policy.DelayBefore(3, random: 0.5), TimeSpan.Zero, policy.MaxDelay);
    }
}
