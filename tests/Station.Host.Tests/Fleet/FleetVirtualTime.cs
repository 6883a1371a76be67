using Ocpp16.Testing;
using Station.Host.Fleet;
using Xunit;

namespace Station.Host.Tests.Fleet;

/// <summary>
/// Moves a fleet's virtual clock timer by timer, each time until the drivers (automatic
/// transactions, chaos) sleep, the stations' work is done and every CALL either way is answered.
/// </summary>
internal static class FleetVirtualTime
{
    // calls: where frames can be lost (chaos), the open CALLs to wait on; without, every frame sent is answered.
    public static async Task AdvanceAsync(FleetRunner fleet, VirtualClock clock, TimeSpan delta, CallsInFlight? calls = null)
    {
        var target = clock.GetUtcNow() + delta;
        do
        {
            await SettleAsync(fleet, calls);
        }
        while (clock.StepTowards(target));

        await SettleAsync(fleet, calls);
    }

    /// <summary>Advances until <paramref name="done"/> holds (looked at after each timer), at most <paramref name="limit"/> of virtual time.</summary>
    public static async Task AdvanceUntilAsync(FleetRunner fleet, VirtualClock clock, Func<bool> done, TimeSpan limit, CallsInFlight? calls = null)
    {
        var target = clock.GetUtcNow() + limit;
        await SettleAsync(fleet, calls);
        while (!done())
        {
            Assert.True(clock.StepTowards(target), $"not reached within {limit} of virtual time");
            await SettleAsync(fleet, calls);
        }
    }

    public static async Task SettleAsync(FleetRunner fleet, CallsInFlight? calls = null)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        long version;
        do
        {
            version = fleet.Activity.Version;
            await fleet.Activity.WhenIdleAsync().OrTimeout();
            foreach (var station in fleet.Stations)
            {
                if (station.Runner.Current is { } current)
                {
                    await current.Runtime.Background.WhenIdleAsync().OrTimeout();

                    // A transaction message journaled by the last timer may not have left yet (its sender
                    // runs on its own): without chaos every station is online, so wait until it is answered.
                    if (calls is null)
                    {
                        await current.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
                    }
                }
            }

            // Frames in flight on real sockets have no event of their own; the counters catch up within milliseconds.
            while (calls is null ? fleet.Counters.Sent != fleet.Counters.Received : !calls.IsEmpty)
            {
                Assert.True(
                    TimeProvider.System.GetElapsedTime(deadline) < TestTimeouts.Default,
                    $"a CALL stayed unanswered: {fleet.Counters.Sent} frames sent, {fleet.Counters.Received} received");
                await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
            }
        }
        while (version != fleet.Activity.Version || !fleet.Activity.IsIdle);
    }
}
