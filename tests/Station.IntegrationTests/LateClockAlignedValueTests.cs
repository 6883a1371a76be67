using System.Globalization;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Station.Transactions;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>
/// A clock-aligned value carries its boundary's time. When its tick waits for the station lock while
/// a transaction starts, it must still be taken before the start reads the meter: read after it, it
/// reported more energy at an earlier time than the meterStart (the 1,000-kill chaos run found a
/// 1 Wh inversion so). The test holds the lock across the boundary, as a start in progress does.
/// </summary>
public sealed class LateClockAlignedValueTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_clock_aligned_value_due_before_a_start_is_taken_before_it_and_never_exceeds_the_meterStart()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new()
        {
            ["MeterValueSampleInterval"] = "0",
            ["ClockAlignedDataInterval"] = "60",
        }));
        var session = await harness.BootAsync();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        var mark = session.LastSequence;

        // The start runs under the lock when the boundary passes: the aligned tick is due and waits.
        var now = harness.Clock.GetUtcNow();
        var boundary = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddMinutes(Math.Floor((now - now.UtcDateTime.Date).TotalMinutes) + 1);
        using (await harness.Station.Runtime.Lock.EnterAsync().OrTimeout())
        {
            harness.Clock.Advance(boundary - now + TimeSpan.FromSeconds(1));
            await harness.Station.Transactions.AuthorizeAsync(1, new PendingAuthorization(ValidIdTag, null)).OrTimeout();

            // Charging goes on before the lock is free (the start's own commit and messages, at 7.36 kW).
            harness.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        var start = await session.Next<StartTransactionRequest>(mark);
        await harness.FlushAsync();
        var aligned = session.CallsSince<MeterValuesRequest>(mark)
            .Where(m => m.ConnectorId == 1)
            .Select(m => m.MeterValue[0])
            .Single(v => v.SampledValue[0].Context == ReadingContext.SampleClock && v.Timestamp == boundary);
        var energy = double.Parse(aligned.SampledValue.First(s => s.Measurand is null or Measurand.EnergyActiveImportRegister).Value, CultureInfo.InvariantCulture);
        output.WriteLine($"aligned {energy} Wh at {boundary:HH:mm:ss.fff}, meterStart {start.MeterStart} Wh at {start.Timestamp:HH:mm:ss.fff}");
        Assert.True(start.Timestamp > boundary);
        Assert.True(energy <= start.MeterStart, $"the value of {boundary:HH:mm:ss} ({energy} Wh) exceeds the later meterStart ({start.MeterStart} Wh)");
    }
}
