using System.Globalization;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Testing;
using Station.Testing.Faults;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests.Faults;

/// <summary>
/// Issue 14 §3: the station behind a hostile network (a fault-injecting TCP relay on loopback):
/// latency and a slow link, a reset in the middle of a frame, a half-open connection, a flapping
/// link, and the back-off of every re-dial. The station's timers and the relay's latency and bandwidth
/// run on virtual time; a reset, a half-open connection and the link going down are real events.
/// </summary>
public sealed class HostileNetworkTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Sampling = new()
    {
        ["MeterValueSampleInterval"] = "10",
        ["ClockAlignedDataInterval"] = "0",
    };

    [Fact]
    public async Task Over_a_slow_link_with_latency_every_transaction_message_arrives_once_and_in_order_also_a_backlog_after_an_outage()
    {
        await using var rig = await FaultyNetworkRig.StartAsync(CertificationOptions(output.WriteLine, Sampling));
        var harness = rig.Harness;
        var session = await rig.BootAsync();
        var started = harness.Clock.GetUtcNow();
        rig.Link.Latency = TimeSpan.FromMilliseconds(20);
        rig.Link.BytesPerSecond = 3000;

        // The link paces on the harness's virtual clock: every step below lets that time pass, chunk by chunk.
        await rig.CarryAsync(harness.StartChargingAsync(session));
        var mark = session.LastSequence;
        await rig.CarryAsync(session.CallsAsync<MeterValuesRequest>(mark, 3), stationTimers: TimeSpan.FromSeconds(10));

        // A backlog of six samples drains through the slow link when it is back.
        var from = harness.Logs.Count;
        await rig.Link.DownAsync();
        await rig.DisconnectedAsync(from);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(60));
        rig.Link.Up();
        var online = await rig.CarryAsync(harness.WaitForSessionAsync(s => s != session && s.IsConnected), stationTimers: StationHarness.CuttableBackOff);
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await rig.CarryAsync(online.CallsAsync<StopTransactionRequest>(0, 1));
        await rig.CarryAsync(harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None));
        var elapsed = harness.Clock.GetUtcNow() - started;
        output.WriteLine($"{rig.Sessions.Sum(s => s.Frames.Count)} frames over {elapsed.TotalSeconds:0.0} s of virtual time");

        // At most the one in flight when the link went down arrives twice (at-least-once), and first arrivals are in order, without a gap.
        var times = MeterValueTimes(rig);
        var distinct = times.Distinct().ToList();
        Assert.True(distinct.Count >= 9, $"{distinct.Count} MeterValues");
        Assert.InRange(times.Count - distinct.Count, 0, 1);
        for (var i = 1; i < distinct.Count; i++)
        {
            // Without a gap: a lost sample would leave 20 s. A sample may be read some chunks' delay after its timer
            // fired (the link's time moved on meanwhile, as real time does; more chunks pass on a loaded machine),
            // hence the slack above 10 s, kept well below the 20 s a lost sample leaves.
            Assert.InRange(distinct[i] - distinct[i - 1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
        }
        Assert.Single(rig.Sessions.SelectMany(s => s.CallsSince<StopTransactionRequest>(0)));
        Assert.Single(rig.Sessions.SelectMany(s => s.CallsSince<StartTransactionRequest>(0)));
    }

    [Fact]
    public async Task A_reset_in_the_middle_of_a_MeterValues_frame_loses_nothing_and_the_message_arrives_once_on_the_next_connection()
    {
        await using var rig = await FaultyNetworkRig.StartAsync(CertificationOptions(output.WriteLine, Sampling));
        var harness = rig.Harness;
        var session = await rig.BootAsync();
        await harness.StartChargingAsync(session);
        await harness.FlushAsync();

        // Only the sample leaves at the next timer: the cut hits its frame.
        rig.Link.ResetInNextStationChunk(200);
        var from = harness.Logs.Count;
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(10)).OrTimeout();
        await rig.DisconnectedAsync(from);
        var online = await rig.ReconnectedAsync(session);
        await online.CallsAsync<MeterValuesRequest>(0, 1, m => m.TransactionId is not null);
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();

        Assert.Empty(session.CallsSince<MeterValuesRequest>(0));
        Assert.Single(MeterValueTimes(rig));
    }

    [Fact]
    public async Task A_half_open_connection_is_found_by_WebSocket_ping_and_dialled_anew_and_the_StopTransaction_arrives_once()
    {
        await using var rig = await FaultyNetworkRig.StartAsync(CertificationOptions(output.WriteLine, new(Sampling) { ["WebSocketPingInterval"] = "1", ["MeterValueSampleInterval"] = "0" }));
        var harness = rig.Harness;
        var session = await rig.BootAsync();
        await harness.StartChargingAsync(session);
        await harness.FlushAsync();

        // The pings run on real time inside the WebSocket: no pong within 2 s closes the connection.
        var from = harness.Logs.Count;
        rig.Link.Blackhole();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await rig.DisconnectedAsync(from);
        var online = await rig.ReconnectedAsync(session);
        await online.CallsAsync<StopTransactionRequest>(0, 1);
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();

        Assert.Empty(session.CallsSince<StopTransactionRequest>(0));
        Assert.Single(rig.Sessions.SelectMany(s => s.CallsSince<StopTransactionRequest>(0)));
    }

    [Fact]
    public async Task A_half_open_connection_without_pings_is_found_by_the_response_timeout_of_a_Heartbeat_and_dialled_anew()
    {
        await using var rig = await FaultyNetworkRig.StartAsync(CertificationOptions(output.WriteLine, new() { ["MeterValueSampleInterval"] = "0", ["ClockAlignedDataInterval"] = "0" }));
        var harness = rig.Harness;
        var session = await rig.BootAsync();
        await harness.FlushAsync();

        rig.Link.Blackhole();
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(60)).OrTimeout();
        await harness.Clock.AdvanceWhenArmedAsync(StationHarness.ResponseTimeout).OrTimeout();
        var online = await rig.ReconnectedAsync(session);
        await harness.FlushAsync();

        Assert.True(online.IsConnected);
        Assert.Equal(2, rig.Link.Dials);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(200)]
    public async Task A_link_flapping_up_2_s_and_down_3_s_loses_no_transaction_message_and_duplicates_only_the_one_in_flight(int flaps)
    {
        await using var rig = await FaultyNetworkRig.StartAsync(CertificationOptions(output.WriteLine, Sampling));
        var harness = rig.Harness;
        var session = await rig.BootAsync();
        await harness.StartChargingAsync(session);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var virtualStart = harness.Clock.GetUtcNow();
        var started = TimeProvider.System.GetTimestamp();

        for (var flap = 0; flap < flaps; flap++)
        {
            var from = harness.Logs.Count;
            await rig.Link.DownAsync();
            await rig.DisconnectedAsync(from);
            await harness.AdvanceAsync(TimeSpan.FromSeconds(3));
            rig.Link.Up();
            session = await rig.ReconnectedAsync(session);
            await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        var growth = GC.GetTotalMemory(forceFullCollection: true) - before;
        var virtualSeconds = (harness.Clock.GetUtcNow() - virtualStart).TotalSeconds;
        var real = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        output.WriteLine($"{flaps} flaps over {virtualSeconds:0} s virtual, {real:0.0} s real time, managed heap {growth / 1024.0:0} KiB larger, {rig.Link.Dials} dials");
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();

        // A message cut off by the last flap may wait for its retry on the station's clock: let virtual time pass until all is delivered.
        var drained = harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None);
        for (var second = 0; second < 600 && !drained.IsCompleted; second++)
        {
            await harness.FlushAsync();
            if (!drained.IsCompleted)
            {
                await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
            }
        }

        await drained.OrTimeout();
        await harness.FlushAsync();

        var times = MeterValueTimes(rig);
        var distinct = times.Distinct().ToList();
        Assert.Equal(distinct.Order().ToList(), distinct);
        for (var i = 1; i < distinct.Count; i++)
        {
            Assert.True(distinct[i] - distinct[i - 1] == TimeSpan.FromSeconds(10), $"sample {i} of {distinct.Count}: {distinct[i - 1]:O} then {distinct[i]:O}");
        }

        Assert.True(distinct.Count >= (int)(virtualSeconds / 10) - 1, $"{distinct.Count} samples over {virtualSeconds} s");
        Assert.True(times.Count - distinct.Count <= flaps, $"{times.Count - distinct.Count} duplicates over {flaps} cuts");
        var stops = rig.Sessions.SelectMany(s => s.CallsSince<StopTransactionRequest>(0)).ToList();
        Assert.NotEmpty(stops);
        Assert.All(stops, s => Assert.Equal(stops[0].Timestamp, s.Timestamp));
        Assert.Equal((0, 0), (harness.Station.Outbox.Pending, harness.Station.Outbox.DeadLetters));
        Assert.True(growth < 64L * 1024 * 1024, $"the heap grew {growth} bytes");
    }

    [Fact]
    public async Task Every_re_dial_waits_its_back_off_with_jitter_the_first_after_a_drop_too()
    {
        var policy = new ReconnectPolicy { InitialDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(16), Jitter = 0.5 };
        await using var rig = await FaultyNetworkRig.StartAsync(CertificationOptions(output.WriteLine, new() { ["MeterValueSampleInterval"] = "0", ["ClockAlignedDataInterval"] = "0" }), policy);
        var harness = rig.Harness;
        await rig.BootAsync();

        var from = harness.Logs.Count;
        await rig.Link.DownAsync();
        var dropped = await harness.Logs.WaitForAsync(e => e.EventId.Id == 111, from).OrTimeout();
        var droppedAt = harness.Clock.GetUtcNow();
        var delays = new List<double> { DelayOf(dropped.Message) };
        const int Failures = 7;
        for (var attempt = 1; attempt <= Failures; attempt++)
        {
            var failed = harness.Logs.WaitForAsync(e => e.EventId.Id == 110 && e.Message.StartsWith($"Connection attempt {attempt} ", StringComparison.Ordinal), from);
            while (!failed.IsCompleted)
            {
                await Task.WhenAny(failed, harness.Clock.WaitForTimerWithinAsync(policy.MaxDelay)).OrTimeout();
                if (!failed.IsCompleted)
                {
                    harness.Clock.Advance(TimeSpan.FromSeconds(1));
                }
            }

            delays.Add(DelayOf((await failed).Message));
        }

        output.WriteLine($"delays: {string.Join(", ", delays.Select(d => d.ToString("0.0", CultureInfo.InvariantCulture)))}");

        // Before the drop's re-dial and before each re-dial after attempt n: min(2 s × 2^(n-1), 16 s), less up to half of it.
        double[] full = [2, 2, 4, 8, 16, 16, 16, 16];
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i], (full[i] / 2) - 0.05, full[i] + 0.05);
        }

        Assert.Contains(delays.Select((d, i) => full[i] - d), gap => gap > 0.1);

        // No dial without its wait: the virtual time that passed covers every wait before the last failure.
        Assert.True((harness.Clock.GetUtcNow() - droppedAt).TotalSeconds >= delays.Take(Failures).Sum() - 0.5);
    }

    private static double DelayOf(string message)
    {
        var at = message.LastIndexOf(" in ", StringComparison.Ordinal) + 4;
        return double.Parse(message[at..message.IndexOf(" s", at, StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }

    // The timestamps of the transaction's MeterValues as the Central System received them, over every session, in arrival order.
    private static List<DateTimeOffset> MeterValueTimes(FaultyNetworkRig rig) =>
        [.. rig.Sessions.SelectMany(s => s.CallsSince<MeterValuesRequest>(0)).Where(m => m.TransactionId is not null).Select(m => m.MeterValue[0].Timestamp)];
}
