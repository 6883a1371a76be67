using System.Globalization;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Model;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>C-09: sampled and clock-aligned meter values.</summary>
public sealed class MeteringTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Cert", "TC_070_CS")]
    public async Task TC_070_CS_Sampled_values_come_every_interval_with_the_configured_measurands()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("MeterValueSampleInterval", "15");
        await session.ConfigureAsync("ClockAlignedDataInterval", "0");
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        for (var i = 1; i <= 3; i++)
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(15));
            await session.CallsAsync<MeterValuesRequest>(mark, i);
        }

        var values = session.CallsSince<MeterValuesRequest>(mark);
        Assert.Equal(3, values.Count);
        Assert.All(values, v =>
        {
            Assert.Equal(1, v.ConnectorId);
            Assert.Equal(transactionId, v.TransactionId);
            var sample = Assert.Single(Assert.Single(v.MeterValue).SampledValue);
            Assert.Equal(ReadingContext.SamplePeriodic, sample.Context);
            Assert.Equal(Measurand.EnergyActiveImportRegister, sample.Measurand);
            Assert.Equal(UnitOfMeasure.Wh, sample.Unit);
        });
        var times = values.Select(v => v.MeterValue[0].Timestamp).ToList();
        Assert.Equal(TimeSpan.FromSeconds(15), times[1] - times[0]);
        Assert.Equal(TimeSpan.FromSeconds(15), times[2] - times[1]);
        var energies = values.Select(v => double.Parse(v.MeterValue[0].SampledValue[0].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(energies[0] > 0 && energies[1] > energies[0] && energies[2] > energies[1], "the register only grows while charging");
    }

    [Fact]
    [Trait("Cert", "TC_071_CS")]
    public async Task TC_071_CS_Clock_aligned_values_fall_on_the_interval_boundaries()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("MeterValueSampleInterval", "0");
        await session.ConfigureAsync("ClockAlignedDataInterval", "20");
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        for (var i = 1; i <= 3; i++)
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(20));
            await session.CallsAsync<MeterValuesRequest>(mark, i, v => v.ConnectorId == 1);
        }

        var values = session.CallsSince<MeterValuesRequest>(mark).Where(v => v.ConnectorId == 1).ToList();
        Assert.Equal(3, values.Count);
        Assert.Equal(TimeSpan.FromSeconds(20), values[1].MeterValue[0].Timestamp - values[0].MeterValue[0].Timestamp);
        Assert.All(values, v =>
        {
            Assert.Equal(transactionId, v.TransactionId);
            var meterValue = Assert.Single(v.MeterValue);
            Assert.Equal(0, meterValue.Timestamp.Second % 20);
            Assert.Equal(0, meterValue.Timestamp.Millisecond);
            Assert.Equal(ReadingContext.SampleClock, Assert.Single(meterValue.SampledValue).Context);
        });
        Assert.Contains(session.CallsSince<MeterValuesRequest>(mark), v => v.ConnectorId == 0 && v.TransactionId is null);
    }

    [Fact]
    public async Task Clock_aligned_values_follow_the_time_the_central_system_sets_at_boot()
    {
        // The station boots with its own clock at 09:26:53.417; the Central System says it is 7 s later.
        var ahead = TimeSpan.FromSeconds(7);
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { ["ClockAlignedDataInterval"] = "20" }) with
        {
            ScriptCentralSystem = (csms, clock) => csms.Handle(OcppActions.BootNotification, (_, _) =>
                new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = clock.GetUtcNow() + ahead, Interval = 60 }),
        });
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        await harness.AdvanceAsync(TimeSpan.FromSeconds(25));
        var first = await session.Next<MeterValuesRequest>(mark, v => v.ConnectorId == 0);

        // On the unsynchronized clock the boundary was 09:27:00, which the synchronized clock had already passed.
        var expected = new DateTimeOffset(2026, 3, 17, 9, 27, 20, TimeSpan.Zero);
        Assert.Equal(expected, Assert.Single(first.MeterValue).Timestamp);
    }

    [Fact]
    public async Task Four_measurands_carry_their_units_and_a_three_phase_connector_reports_each_phase()
    {
        var model = StationModel.Tsct2007Cp with { Connectors = [new ConnectorModel { Type = "cType2", Phases = 3, MaxCurrentA = 16, FixedCable = false }] };
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with { Model = model, EvPowerW = 11000 });
        var session = await harness.BootAsync();
        await session.ConfigureAsync("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage");
        await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        var values = (await session.Next<MeterValuesRequest>(mark)).MeterValue[0].SampledValue;

        Assert.Equal(UnitOfMeasure.Wh, values.Single(v => v.Measurand == Measurand.EnergyActiveImportRegister).Unit);
        Assert.Equal("11000", values.Single(v => v.Measurand == Measurand.PowerActiveImport).Value);
        var currents = values.Where(v => v.Measurand == Measurand.CurrentImport).ToList();
        Assert.Equal([Phase.L1, Phase.L2, Phase.L3], currents.Select(c => c.Phase!.Value));
        Assert.All(currents, c => Assert.Equal(UnitOfMeasure.A, c.Unit));
        Assert.Equal([Phase.L1N, Phase.L2N, Phase.L3N], values.Where(v => v.Measurand == Measurand.Voltage).Select(v => v.Phase!.Value));
    }

    [Fact]
    public async Task StopTxnSampledData_fills_transactionData_from_begin_to_end_within_the_limit()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new Dictionary<string, string>
        {
            ["StopTxnSampledData"] = "Energy.Active.Import.Register",
            ["MeterValueSampleInterval"] = "10",
            ["ClockAlignedDataInterval"] = "0",
        }));
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        var mark = session.LastSequence;

        for (var i = 0; i < 6; i++)
        {
            await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        }

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var stop = await session.Next<StopTransactionRequest>(mark);

        var data = stop.TransactionData!;
        Assert.Equal(4, data.Count);
        Assert.Equal(ReadingContext.TransactionBegin, data[0].SampledValue[0].Context);
        Assert.Equal(ReadingContext.TransactionEnd, data[^1].SampledValue[0].Context);
        Assert.Equal(stop.MeterStop.ToString(CultureInfo.InvariantCulture), data[^1].SampledValue[0].Value);
    }

    [Fact]
    public async Task A_new_sample_interval_applies_to_a_running_transaction_at_once()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await harness.RemoteStartChargingAsync(session);
        await session.ConfigureAsync("MeterValueSampleInterval", "10");
        var mark = session.LastSequence;

        harness.Clock.Advance(TimeSpan.FromSeconds(10));

        await session.Next<MeterValuesRequest>(mark, v => v.ConnectorId == 1);
    }

    [Fact]
    [Trait("Cert", "TC_070_CS")]
    public async Task TC_070_CS_An_empty_MeterValuesSampledData_samples_the_energy_register()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("MeterValuesSampledData", string.Empty);
        await session.ConfigureAsync("MeterValueSampleInterval", "15");
        await session.ConfigureAsync("ClockAlignedDataInterval", "0");
        await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        harness.Clock.Advance(TimeSpan.FromSeconds(15));
        var sampled = await session.Next<MeterValuesRequest>(mark);

        var sample = Assert.Single(Assert.Single(sampled.MeterValue).SampledValue);
        Assert.Equal((Measurand.EnergyActiveImportRegister, ReadingContext.SamplePeriodic), (sample.Measurand!.Value, sample.Context!.Value));
    }

    [Fact]
    public async Task With_empty_measurand_lists_triggered_and_clock_aligned_values_carry_the_energy_register_never_an_empty_list()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("MeterValuesSampledData", string.Empty);
        await session.ConfigureAsync("MeterValuesAlignedData", string.Empty);
        await session.ConfigureAsync("ClockAlignedDataInterval", "60");
        var mark = session.LastSequence;

        var trigger = await session.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues, ConnectorId = 1 }).OrTimeout();
        Assert.Equal(TriggerMessageStatus.Accepted, trigger.Status);
        var triggered = await session.Next<MeterValuesRequest>(mark, v => v.MeterValue[0].SampledValue is [{ Context: ReadingContext.Trigger }, ..] or []);
        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        var aligned = await session.Next<MeterValuesRequest>(mark, v => v.ConnectorId == 0);

        foreach (var (request, context) in new[] { (triggered, ReadingContext.Trigger), (aligned, ReadingContext.SampleClock) })
        {
            var sample = Assert.Single(Assert.Single(request.MeterValue).SampledValue);
            Assert.Equal((Measurand.EnergyActiveImportRegister, context), (sample.Measurand!.Value, sample.Context!.Value));
        }
    }
}
