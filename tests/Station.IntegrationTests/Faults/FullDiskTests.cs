using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Station.Testing.Faults;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests.Faults;

/// <summary>
/// Issue 14 §5: the station's disk is full (every write of its transaction journal fails as SQLite
/// does, SQLITE_FULL). It keeps answering the Central System, refuses to start what it cannot
/// journal and says why, delivers what it journaled before (at least once), and recovers when
/// space returns.
/// </summary>
public sealed class FullDiskTests(ITestOutputHelper output)
{
    [Fact]
    public async Task With_a_full_disk_the_station_answers_refuses_to_start_delivers_what_it_had_and_recovers_when_space_returns()
    {
        FullDiskTransactionStore? disk = null;
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new()
        {
            ["MeterValueSampleInterval"] = "0",
            ["ClockAlignedDataInterval"] = "0",
            ["TransactionMessageRetryInterval"] = "5",
            ["AllowOfflineTxForUnknownId"] = "true",
        }) with
        {
            CuttableNetwork = true,
            WrapStores = stores => stores with { Transactions = disk = new FullDiskTransactionStore(stores.Transactions) },
        });
        harness.Logs.ExpectedError = e => e.EventId.Id is 2325 or 2326;
        var session = await harness.BootAsync();

        // A transaction journaled while offline: its StartTransaction and StopTransaction wait on disk.
        await harness.GoOfflineAsync();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(30));
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await harness.Hardware.UnplugAsync(1).OrTimeout();
        Assert.Equal(2, harness.Station.Outbox.Pending);

        disk!.Full = true;
        var online = await harness.GoOnlineAsync(session);

        // Still answering.
        var configuration = await online.CallAsync(new GetConfigurationRequest { Key = ["HeartbeatInterval"] }).OrTimeout();
        Assert.Equal("60", configuration.ConfigurationKey![0].Value);
        var trigger = await online.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.Heartbeat }).OrTimeout();
        Assert.Equal(TriggerMessageStatus.Accepted, trigger.Status);

        // A card now: nothing starts, the log says why, the contactor stays open.
        var mark = online.LastSequence;
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();
        var refused = await harness.Logs.WaitForAsync(e => e.EventId.Id == 2325).OrTimeout();
        output.WriteLine(refused.Message);
        Assert.Contains("full", refused.Message, StringComparison.Ordinal);
        Assert.False(harness.Hardware.Connectors[0].Contactor.IsClosed);
        Assert.Null((await harness.Station.SnapshotAsync(CancellationToken.None).OrTimeout()).Connectors[0].TransactionId);

        // Space returns: the journaled messages leave, and a new transaction starts.
        disk.Full = false;
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(5)).OrTimeout();
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        Assert.Contains(online.CallsSince<StopTransactionRequest>(0), s => s.Reason is null or Reason.Local);
        Assert.Contains(online.CallsSince<StartTransactionRequest>(0), s => s.IdTag == ValidIdTag);

        await harness.Hardware.UnplugAsync(1).OrTimeout();
        var started = await harness.StartChargingAsync(online, ValidIdTag2);
        Assert.True(started > 0);
        Assert.True(disk.Refused > 0);
        Assert.Equal(0, harness.Station.Outbox.DeadLetters);
        Assert.Empty(online.CallsSince<StartTransactionRequest>(mark).Where(s => s.IdTag == ValidIdTag2).Skip(1));
    }
}
