using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Connection;
using Station.Testing.Faults;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests.Faults;

/// <summary>
/// Issue 14 §3, memory bounded: a Central System that reads slowly (the relay takes 400 bytes a
/// second, paced on virtual time) while the station has far more to say. The station sends one
/// CALL at a time, so nothing piles up in its send path; status traffic waits in a queue of at most
/// <see cref="OutgoingMessages.Capacity"/> entries (the oldest give way, logged); transaction
/// messages wait in the SQLite outbox, never dropped (a week of them: <see cref="SevenDaysOfflineTests"/>).
/// </summary>
public sealed class SlowReaderTests(ITestOutputHelper output)
{
    private const int Flood = 5000;
    private const int BytesPerSecond = 400;
    private const int SlowlyRead = 20;

    [Fact]
    public async Task A_Central_System_reading_slowly_keeps_the_station_queues_bounded_and_loses_no_transaction_message()
    {
        await using var rig = await FaultyNetworkRig.StartAsync(CertificationOptions(output.WriteLine, new()
        {
            ["MeterValueSampleInterval"] = "10",
            ["ClockAlignedDataInterval"] = "0",
        }));
        var harness = rig.Harness;
        var session = await rig.BootAsync();
        await harness.StartChargingAsync(session);
        await harness.FlushAsync();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var slowFrom = harness.Clock.GetUtcNow();
        var mark = session.LastSequence;
        rig.Link.BytesPerSecond = BytesPerSecond;

        // Far more status traffic than the reader takes: the queue keeps the newest entries, never more than its capacity.
        for (var i = 0; i < Flood; i++)
        {
            harness.Station.Outgoing.Post(new HeartbeatRequest());
        }

        var queued = harness.Station.Outgoing.Unfinished;
        Assert.InRange(queued, OutgoingMessages.Capacity - 1, OutgoingMessages.Capacity + 1);

        // The slow reader takes its first 20 Heartbeats, a chunk at a time; the rest wait, none added, memory flat.
        await rig.CarryAsync(session.CallsAsync<HeartbeatRequest>(mark, SlowlyRead));
        var slowFor = harness.Clock.GetUtcNow() - slowFrom;
        var waiting = harness.Station.Outgoing.Unfinished;
        var growth = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine($"{Flood} posted, {queued} queued, {SlowlyRead} read in {slowFor.TotalSeconds:0.0} s at {BytesPerSecond} B/s, {waiting} waiting; " +
            $"heap {growth / 1024.0:0} KiB larger");
        // The answer of the last one read may still be on its way back; one of those read may be the station's own Heartbeat.
        Assert.InRange(waiting, queued - SlowlyRead - 1, queued - SlowlyRead + 2);
        Assert.True(growth < 16L * 1024 * 1024, $"the heap grew {growth} bytes");

        // The reader speeds up: what was queued leaves, and no more (the dropped ones never do); then every sample of the
        // session arrives, 10 s apart, and the stop once.
        rig.Link.BytesPerSecond = 0;
        await rig.CarryAsync(harness.Station.Outgoing.WaitUntilEmptyAsync());
        Assert.InRange(session.CallsSince<HeartbeatRequest>(mark).Count, queued, queued + 1);
        for (var step = 0; step < 6; step++)
        {
            // A sample at a time, delivered before time moves on: its answer must not come after the response timeout.
            await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
            await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        }

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await rig.CarryAsync(harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None), stationTimers: TimeSpan.FromSeconds(10));
        var samples = session.CallsSince<MeterValuesRequest>(0).Where(m => m.TransactionId is not null).Select(m => m.MeterValue[0].Timestamp).ToList();
        Assert.Equal(samples.Distinct().Count(), samples.Count);
        Assert.True(samples.Count >= 6, $"{samples.Count} samples");
        for (var i = 1; i < samples.Count; i++)
        {
            Assert.InRange(samples[i] - samples[i - 1], TimeSpan.FromSeconds(9.5), TimeSpan.FromSeconds(10.5));
        }

        Assert.Single(session.CallsSince<StopTransactionRequest>(0));
        Assert.Equal((0, 0), (harness.Station.Outbox.Pending, harness.Station.Outbox.DeadLetters));
    }
}
