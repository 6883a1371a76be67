using Ocpp16.Messages;
using Station.Testing;
using Station.Testing.Faults;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests.Faults;

/// <summary>
/// Issue 14 §5: seven days offline in virtual time, a transaction every hour, then the queue drains
/// against the built-in Central System: everything in order, nothing lost or sent twice, every
/// transaction's messages carrying the id its queued StartTransaction got, in bounded storage.
/// </summary>
public sealed class SevenDaysOfflineTests(ITestOutputHelper output)
{
    // MeterValues every 60 s (the model's longest interval), not the 10 s: the queue's shape is the same (Start,
    // samples, Stop each hour), and six times the fsynced samples would take CI minutes; `bench drain` runs the 10 s.
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Seven_days_offline_with_a_transaction_an_hour_then_everything_queued_is_delivered_in_order_with_its_transaction_id()
    {
        var week = new OfflineWeek(hours: 7 * 24, SampleInterval);
        await using var harness = await StationHarness.StartAsync(week.Configure(CertificationOptions(output.WriteLine)));
        var session = await harness.BootAsync();
        var offlineFrom = harness.Clock.GetUtcNow();

        await week.ChargeOfflineAsync(harness, ValidIdTag);
        var queued = harness.Station.Outbox.Pending;
        var bytes = OfflineWeek.DatabaseBytes(harness.DataDirectory);
        output.WriteLine($"{(harness.Clock.GetUtcNow() - offlineFrom).TotalDays:0.0} days offline: {queued} queued, database {bytes / 1024.0:0} KiB");
        Assert.Equal(week.ExpectedQueue, queued);
        Assert.Empty(session.CallsSince<StartTransactionRequest>(0));

        // Bounded storage: the queue costs about what its messages are (under 2 KiB each with the journal and indexes), nothing grows besides.
        Assert.True(bytes < queued * 2048L, $"the database is {bytes} bytes for {queued} messages");

        var (_, drain) = await OfflineWeek.ReconnectAndDrainAsync(harness, session, TimeSpan.FromMinutes(3));
        output.WriteLine($"drained {queued} in {drain.TotalSeconds:0.00} s: {queued / drain.TotalSeconds:0} messages/s");
        Assert.Equal((0, 0), (harness.Station.Outbox.Pending, harness.Station.Outbox.DeadLetters));

        var delivered = week.Received;
        Assert.Equal(queued, delivered.Count);

        // Per hour, in order: its StartTransaction, its samples, its StopTransaction, all with the id the Start got.
        var assigned = week.Assigned;
        Assert.Equal(week.Hours, assigned.Count);
        var at = 0;
        DateTimeOffset last = default;
        for (var hour = 0; hour < week.Hours; hour++)
        {
            var start = Assert.IsType<StartTransactionRequest>(delivered[at++]);
            Assert.True(start.Timestamp >= offlineFrom);
            Assert.Equal(assigned[hour].Timestamp, start.Timestamp);
            Assert.True(start.Timestamp > last, $"hour {hour} starts at {start.Timestamp:O}, after {last:O}");
            var id = assigned[hour].TransactionId;
            var register = (double)start.MeterStart;
            for (var sample = 0; sample < week.SamplesPerTransaction; sample++)
            {
                var values = Assert.IsType<MeterValuesRequest>(delivered[at++]);
                Assert.Equal(id, values.TransactionId);
                Assert.True(
                    start.Timestamp + (SampleInterval * (sample + 1)) == values.MeterValue[0].Timestamp,
                    $"hour {hour} (id {id}, started {start.Timestamp:O}), sample {sample}: {values.MeterValue[0].Timestamp:O}; the hour's messages: " +
                    string.Join(", ", delivered.Skip(at - sample - 2).Take(week.SamplesPerTransaction + 2).Select(Describe)));
                var reading = values.MeterValue[0].SampledValue.First(v => v.Measurand is null or Measurand.EnergyActiveImportRegister);
                var energy = double.Parse(reading.Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(energy >= register, $"hour {hour} sample {sample}: {energy} after {register}");
                register = energy;
            }

            var stop = Assert.IsType<StopTransactionRequest>(delivered[at++]);
            Assert.Equal(id, stop.TransactionId);
            Assert.True(stop.MeterStop >= register);
            last = stop.Timestamp;
        }

        Assert.Equal(week.Hours, assigned.Select(a => a.TransactionId).Distinct().Count());
    }

    private static string Describe(Ocpp16.Messages.IOcppRequest request) => request switch
    {
        StartTransactionRequest start => $"Start {start.Timestamp:HH:mm:ss}",
        MeterValuesRequest values => $"MV {values.TransactionId} {values.MeterValue[0].Timestamp:HH:mm:ss}",
        StopTransactionRequest stop => $"Stop {stop.TransactionId} {stop.Timestamp:HH:mm:ss}",
        _ => request.GetType().Name,
    };
}
