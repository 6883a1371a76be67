using Ocpp16.Testing;
using Station.Runtime;
using Xunit;

namespace Station.Tests.Runtime;

public sealed class RetryPlanTests
{
    [Theory]
    [InlineData(null, null, 3, 60)]
    [InlineData(0, 0, 0, 60)]
    [InlineData(5, -1, 5, 60)]
    [InlineData(1000, 15, 100, 15)]
    [InlineData(-2, 30, 0, 30)]
    public void A_requests_retries_and_interval_are_defaulted_and_clamped(int? retries, int? interval, int expectedRetries, int expectedSeconds)
    {
        Assert.Equal(new RetryPlan(expectedRetries, TimeSpan.FromSeconds(expectedSeconds)), RetryPlan.From(retries, interval));
    }

    [Fact]
    public async Task Failed_attempts_are_retried_after_the_interval_on_the_stations_clock_until_one_succeeds()
    {
        var clock = new VirtualClock();
        var attempts = new List<DateTimeOffset>();
        var retried = new List<(int, string)>();
        var run = new RetryPlan(3, TimeSpan.FromSeconds(30)).RunAsync(
            _ =>
            {
                attempts.Add(clock.GetUtcNow());
                return Task.FromResult(attempts.Count < 3 ? $"refused {attempts.Count}" : null);
            },
            (attempt, failure) => retried.Add((attempt, failure)),
            clock,
            CancellationToken.None);

        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(30)).OrTimeout();
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(attempts);
        clock.Advance(TimeSpan.FromSeconds(1));
        await clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(30)).OrTimeout();
        var outcome = await run.OrTimeout();

        Assert.Equal(new RetryOutcome(3, null), outcome);
        Assert.Equal([(1, "refused 1"), (2, "refused 2")], retried);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], attempts.Select(a => a - attempts[0]));
    }

    [Fact]
    public async Task When_the_retries_are_used_up_the_last_failure_is_the_outcome()
    {
        var clock = new VirtualClock();
        var made = 0;
        var run = new RetryPlan(1, TimeSpan.FromSeconds(10)).RunAsync(
            _ => Task.FromResult<string?>($"failure {++made}"), (_, _) => { }, clock, CancellationToken.None);

        await clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(10)).OrTimeout();

        Assert.Equal(new RetryOutcome(2, "failure 2"), await run.OrTimeout());
    }
}
