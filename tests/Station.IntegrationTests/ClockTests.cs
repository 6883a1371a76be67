using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>Pitfall 7: the station's clock follows the Central System's, before and after a restart.</summary>
public sealed class ClockTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CentralSystemAhead = TimeSpan.FromHours(2);

    [Fact]
    public async Task The_offset_learnt_from_the_Central_System_survives_a_power_loss()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with
        {
            CuttableNetwork = true,
            ScriptCentralSystem = (csms, clock) => csms.Handle(OcppActions.BootNotification, (_, _) =>
                new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = clock.GetUtcNow() + CentralSystemAhead, Interval = 60 }),
        });
        await harness.BootAsync();
        await harness.GoOfflineAsync();

        // The new process cannot reach the Central System: only the persisted offset can put it in its time.
        await harness.RestartProcessAsync();

        var offset = harness.Station.Runtime.Clock.GetUtcNow() - harness.Clock.GetUtcNow();
        Assert.InRange(offset, CentralSystemAhead - TimeSpan.FromSeconds(1), CentralSystemAhead + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_transaction_started_before_the_first_synchronisation_is_reported_in_the_Central_System_time()
    {
        var boot = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { ["AllowOfflineTxForUnknownId"] = "true" }) with
        {
            ScriptCentralSystem = (csms, clock) => csms.Handle(OcppActions.BootNotification, async (_, _, ct) =>
            {
                await boot.Task.WaitAsync(ct);
                return new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = clock.GetUtcNow() + CentralSystemAhead, Interval = 60 };
            }),
        });
        var session = await harness.WaitForSessionAsync();
        await session.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();

        // Not registered yet, so not online: the station starts by its offline rules, on its own clock.
        var startedAt = harness.Clock.GetUtcNow();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync("UNSYNCED-1").OrTimeout();
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2300);
        Assert.Equal(1, harness.Station.Outbox.Pending);
        boot.SetResult();

        var start = await session.Next<StartTransactionRequest>(0);
        Assert.InRange(start.Timestamp - startedAt, CentralSystemAhead - TimeSpan.FromSeconds(1), CentralSystemAhead + TimeSpan.FromSeconds(1));
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == 2001);
    }
}
