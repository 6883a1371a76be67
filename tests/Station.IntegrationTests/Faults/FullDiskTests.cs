using System.Globalization;
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
    [Fact]
    public async Task With_a_full_disk_a_running_transaction_keeps_charging_the_station_answers_and_its_sampling_resumes_when_space_returns()
    {
        FullDiskTransactionStore? disk = null;
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new()
        {
            ["MeterValueSampleInterval"] = "10",
            ["ClockAlignedDataInterval"] = "60",
            ["TransactionMessageRetryInterval"] = "10",
        }) with
        {
            CuttableNetwork = true,
            WrapStores = stores => stores with { Transactions = disk = new FullDiskTransactionStore(stores.Transactions) },
        });
        harness.Logs.ExpectedError = e => e.EventId.Id is 2326 or 2327 or 2328;
        var session = await harness.BootAsync();
        var transactionId = await harness.StartChargingAsync(session);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(30));

        // Offline for a minute, then the disk fills for two more: what was sampled before is journaled and waits for the
        // connection. (Offline, so that no delivery is under way while virtual time passes: its answer could come too late.)
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        var delivered = session.CallsSince<MeterValuesRequest>(0).Count(m => m.TransactionId == transactionId);
        await harness.GoOfflineAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60));
        var journaled = harness.Station.Outbox.Pending;
        Assert.InRange(journaled, 6, 8);
        disk!.Full = true;
        var fullAt = harness.Clock.GetUtcNow();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(120));
        var online = await harness.GoOnlineAsync(session);

        // Still charging and answering; nothing journaled is lost (it stays queued while its delivery cannot be recorded).
        Assert.True(harness.Hardware.Connectors[0].Contactor.IsClosed);
        Assert.Equal(transactionId, (await harness.Station.SnapshotAsync(CancellationToken.None).OrTimeout()).Connectors[0].TransactionId);
        var configuration = await online.CallAsync(new GetConfigurationRequest { Key = ["MeterValueSampleInterval"] }).OrTimeout();
        Assert.Equal("10", configuration.ConfigurationKey![0].Value);
        var trigger = await online.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.Heartbeat }).OrTimeout();
        Assert.Equal(TriggerMessageStatus.Accepted, trigger.Status);
        var triggered = await online.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues, ConnectorId = 1 }).OrTimeout();
        Assert.Equal(TriggerMessageStatus.Accepted, triggered.Status);
        await harness.FlushAsync();

        // A reading that could not be persisted does not leave: after a power loss the register could seem to run backwards.
        Assert.DoesNotContain(online.CallsSince<MeterValuesRequest>(0), m => m.MeterValue[0].SampledValue[0].Context == ReadingContext.Trigger);
        Assert.InRange(harness.Station.Outbox.Pending, 1, journaled);
        var notPersisted = await harness.Logs.WaitForAsync(e => e.EventId.Id == 2327).OrTimeout();
        Assert.Contains("full", notPersisted.Message, StringComparison.Ordinal);
        var refusedWhileFull = disk.Refused;
        Assert.True(refusedWhileFull >= 12, $"{refusedWhileFull} writes refused");

        // Space returns: the journal drains (after the retry interval), periodic and clock-aligned sampling go on, and the stop
        // carries the register.
        disk.Full = false;
        var freedAt = harness.Clock.GetUtcNow();
        var drained = harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None);
        for (var second = 0; second < 30 && !drained.IsCompleted; second++)
        {
            await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
            await Task.WhenAny(drained, harness.Station.Runtime.Background.WhenIdleAsync()).OrTimeout();
        }

        await drained.OrTimeout();
        for (var step = 0; step < 13; step++)
        {
            // A sample at a time, delivered before time moves on: its answer must not come after the response timeout.
            await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
            await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        }

        var sampledFor = (harness.Clock.GetUtcNow() - freedAt).TotalSeconds;
        var mark = online.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var stop = await online.Next<StopTransactionRequest>(mark);
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();

        var samples = new[] { session, online }.SelectMany(s => s.CallsSince<MeterValuesRequest>(0)).Where(m => m.TransactionId == transactionId)
            .Select(m => m.MeterValue[0]).ToList();
        var periodic = samples.Where(v => v.SampledValue[0].Context == ReadingContext.SamplePeriodic).Select(v => v.Timestamp).Distinct().ToList();
        var aligned = samples.Where(v => v.SampledValue[0].Context == ReadingContext.SampleClock).Select(v => v.Timestamp).Distinct().ToList();
        var alignedTimes = string.Join(", ", aligned.Select(t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)));
        output.WriteLine($"full at {fullAt:HH:mm:ss}, freed at {freedAt:HH:mm:ss}; clock-aligned values at {alignedTimes}");
        Assert.Equal(periodic.Order().ToList(), periodic);
        Assert.Equal(delivered + journaled, samples.Select(v => (v.Timestamp, v.SampledValue[0].Context)).Distinct().Count(k => k.Timestamp <= fullAt));
        Assert.DoesNotContain(periodic, t => t > fullAt && t <= freedAt);
        Assert.InRange(periodic.Count(t => t > freedAt), (int)(sampledFor / 10) - 1, (int)(sampledFor / 10) + 1);
        Assert.InRange(aligned.Count(t => t > freedAt), (int)(sampledFor / 60), (int)(sampledFor / 60) + 1);
        var register = samples.Max(v => double.Parse(v.SampledValue[0].Value, CultureInfo.InvariantCulture));
        Assert.True(stop.MeterStop >= register, $"meterStop {stop.MeterStop} below the last sample {register}");
        Assert.Equal((0, 0), (harness.Station.Outbox.Pending, harness.Station.Outbox.DeadLetters));
    }

    [Fact]
    public async Task With_a_full_disk_a_stop_ends_the_session_at_once_and_its_StopTransaction_is_sent_once_space_returns()
    {
        FullDiskTransactionStore? disk = null;
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new()
        {
            ["MeterValueSampleInterval"] = "0",
            ["ClockAlignedDataInterval"] = "0",
        }) with
        {
            WrapStores = stores => stores with { Transactions = disk = new FullDiskTransactionStore(stores.Transactions) },
        });
        harness.Logs.ExpectedError = e => e.EventId.Id is 2329;
        var session = await harness.BootAsync();
        var transactionId = await harness.StartChargingAsync(session);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(20));
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();

        // The driver stops while the disk is full: the contactor opens and the connector is free; nothing is sent yet.
        disk!.Full = true;
        var mark = session.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var refused = await harness.Logs.WaitForAsync(e => e.EventId.Id == 2329).OrTimeout();
        Assert.Contains("full", refused.Message, StringComparison.Ordinal);
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        Assert.False(harness.Hardware.Connectors[0].Contactor.IsClosed);
        Assert.Null((await harness.Station.SnapshotAsync(CancellationToken.None).OrTimeout()).Connectors[0].TransactionId);
        await harness.FlushAsync();
        Assert.Empty(session.CallsSince<StopTransactionRequest>(mark));

        // Space returns: the next meter checkpoint writes the stop, and it leaves with the transaction's id and its reason.
        disk.Full = false;
        await harness.AdvanceAsync(StationHarness.MeterCheckpointInterval);
        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(transactionId, stop.TransactionId);
        Assert.Equal(Reason.Local, stop.Reason ?? Reason.Local);
        Assert.True(stop.MeterStop > 0);
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        Assert.Single(session.CallsSince<StopTransactionRequest>(0));
    }
}
