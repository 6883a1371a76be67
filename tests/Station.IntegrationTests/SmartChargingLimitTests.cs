using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Model;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Support.ChargingProfiles;

namespace Station.IntegrationTests;

/// <summary>
/// The limit is applied, not just stored: the simulated EV draws no more than the composite limit,
/// the meter's power and energy follow it, a limit of 0 suspends the connector (SuspendedEVSE), and
/// each period boundary takes effect at its instant of virtual time.
/// </summary>
public sealed class SmartChargingLimitTests(ITestOutputHelper output)
{
    // A three-phase 32 A connector and an EV that would take 22 kW.
    private static readonly StationModel ThreePhase = StationModel.Tsct2007Cp with
    {
        Connectors = [new ConnectorModel { Type = "cType2", Phases = 3, MaxCurrentA = 32, FixedCable = false }],
    };

    [Fact]
    public async Task A_TxProfile_of_6_A_on_a_32_A_connector_makes_the_EV_draw_6_A_times_voltage_times_phases()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine) with { Model = ThreePhase, EvPowerW = 22000 });
        var session = await harness.BootAsync();
        await session.ConfigureAsync("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import,Current.Offered,Power.Offered");
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var meter = harness.Hardware.Connectors[0];
        Assert.Equal(22000, meter.Meter.Read().PowerActiveImportW, 3);

        await session.InstallAsync(1, Profile(1, ChargingProfilePurposeType.TxProfile, (0, 6m)).ForTransaction(transactionId));
        var applied = await harness.AppliedAsync();
        var energyBefore = meter.EnergyWh;
        var mark = session.LastSequence;
        await PassAsync(harness, TimeSpan.FromHours(1));

        Assert.Equal((6d, 3, 230d), (applied.LimitA, applied.Phases, applied.VoltageV));
        Assert.Equal(6 * 230 * 3, meter.Meter.Read().PowerActiveImportW, 3);
        Assert.Equal(6 * 230 * 3, meter.EnergyWh - energyBefore, 3);

        // MeterValues report what is drawn and what is offered.
        var values = (await session.Next<MeterValuesRequest>(mark)).MeterValue[0].SampledValue;
        Assert.Equal("4140", values.Single(v => v.Measurand == Measurand.PowerActiveImport).Value);
        Assert.Equal("6", values.Single(v => v.Measurand == Measurand.CurrentOffered).Value);
        Assert.Equal("4140", values.Single(v => v.Measurand == Measurand.PowerOffered).Value);
    }

    [Fact]
    public async Task A_limit_of_0_suspends_the_connector_at_its_boundary_and_the_next_period_resumes_charging()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        // Schedules count in whole seconds (startPeriod): the profile starts at the second now falls in.
        var installed = harness.Station.Runtime.Clock.GetUtcNow();
        var start = new DateTimeOffset(installed.Ticks - (installed.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var meter = harness.Hardware.Connectors[0];

        await session.InstallAsync(1, Profile(1, ChargingProfilePurposeType.TxProfile, (0, 10m), (600, 0m), (1200, 16m))
            .StartingAt(start).ForTransaction(transactionId));
        await harness.AppliedAsync();
        var mark = session.LastSequence;
        var energyAtStart = meter.EnergyWh;

        await PassAsync(harness, TimeSpan.FromSeconds(600));
        var suspended = await session.NextStatus(mark, 1, ChargePointStatus.SuspendedEVSE);
        var energyAtSuspension = meter.EnergyWh;
        Assert.Equal(0d, (await harness.AppliedAsync()).LimitA);
        Assert.Equal(0, meter.Meter.Read().PowerActiveImportW);

        // Suspended: nothing is drawn until the next period begins.
        await PassAsync(harness, TimeSpan.FromSeconds(598));
        Assert.Equal(energyAtSuspension, meter.EnergyWh, 3);
        await PassAsync(harness, TimeSpan.FromSeconds(2));
        var resumed = await session.NextStatus(mark, 1, ChargePointStatus.Charging);

        // Each boundary took effect at its own instant: a deadline on the station's clock, not a polling tick.
        Assert.Equal(start.AddSeconds(600), suspended.Timestamp);
        Assert.Equal(start.AddSeconds(1200), resumed.Timestamp);
        Assert.Equal(10 * 230 * (start.AddSeconds(600) - installed).TotalHours, energyAtSuspension - energyAtStart, 3);
        Assert.Equal(16 * 230, meter.Meter.Read().PowerActiveImportW, 3);
        Assert.Equal(16d, (await harness.AppliedAsync()).LimitA);
    }

    [Fact]
    public async Task A_limit_below_minChargingRate_withholds_power()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;
        var profile = Profile(1, ChargingProfilePurposeType.TxProfile, (0, 4m)).ForTransaction(transactionId);

        await session.InstallAsync(1, profile with { ChargingSchedule = profile.ChargingSchedule with { MinChargingRate = 6m } });

        await session.NextStatus(mark, 1, ChargePointStatus.SuspendedEVSE);
        Assert.Equal(0, harness.Hardware.Connectors[0].Meter.Read().PowerActiveImportW);
        Assert.Equal(0d, harness.Hardware.Connectors[0].PowerController.LimitA);

        // Clearing the profile gives the connector its rating back.
        Assert.Equal(ClearChargingProfileStatus.Accepted, (await session.CallAsync(new ClearChargingProfileRequest { Id = 1 }).OrTimeout()).Status);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
        Assert.Null(harness.Hardware.Connectors[0].PowerController.LimitA);
    }

    [Fact]
    public async Task A_ChargePointMaxProfile_caps_every_connector_and_the_station_composite()
    {
        var twoConnectors = StationModel.Tsct2007Cp with { Connectors = [new ConnectorModel(), new ConnectorModel()] };
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine) with { Model = twoConnectors });
        var session = await harness.BootAsync();

        await session.InstallAsync(0, Profile(1, ChargingProfilePurposeType.ChargePointMaxProfile, (0, 20m)).StartingAt(harness.Clock.GetUtcNow()));
        await session.InstallAsync(2, Profile(2, ChargingProfilePurposeType.TxDefaultProfile, (0, 8m)));

        // Connector 0: the connectors' sum (32 + 8) capped by the station's 20 A.
        Assert.Equal([(0, 20m)], (await session.CompositeAsync(0, 600)).Periods());
        Assert.Equal([(0, 20m)], (await session.CompositeAsync(1, 600)).Periods());
        Assert.Equal([(0, 8m)], (await session.CompositeAsync(2, 600)).Periods());
        Assert.Equal(GetCompositeScheduleStatus.Rejected, (await session.CompositeAsync(3, 600)).Status);
        Assert.Equal((20d, 8d), ((await harness.AppliedAsync(1)).LimitA, (await harness.AppliedAsync(2)).LimitA));
    }

    [Fact]
    public async Task Connectors_charging_at_once_share_the_ChargePointMaxProfile_instead_of_each_drawing_all_of_it()
    {
        var twoConnectors = StationModel.Tsct2007Cp with { Connectors = [new ConnectorModel(), new ConnectorModel()] };
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine) with { Model = twoConnectors });
        var session = await harness.BootAsync();
        await session.InstallAsync(0, Profile(1, ChargingProfilePurposeType.ChargePointMaxProfile, (0, 20m)).StartingAt(harness.Clock.GetUtcNow()));

        var first = await harness.RemoteStartChargingAsync(session, Scenarios.ValidIdTag, 1);
        Assert.Equal(20d, (await harness.AppliedAsync(1)).LimitA);
        await harness.RemoteStartChargingAsync(session, Scenarios.ValidIdTag2, 2);

        // The station's 20 A is the sum both EVs may draw, not what each may draw.
        Assert.Equal((10d, 10d), ((await harness.AppliedAsync(1)).LimitA, (await harness.AppliedAsync(2)).LimitA));
        var drawn = harness.Hardware.Connectors.Sum(c => c.Meter.Read().PowerActiveImportW);
        Assert.Equal(20 * 230, drawn, 3);

        // When one transaction ends, the other gets the whole budget back.
        var mark = session.LastSequence;
        Assert.Equal(RemoteStartStopStatus.Accepted, (await session.CallAsync(new RemoteStopTransactionRequest { TransactionId = first }).OrTimeout()).Status);
        await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(20d, (await harness.AppliedAsync(2)).LimitA);
    }

    // Lets virtual time pass in steps shorter than the response timeout, each ending with every
    // message answered: a CALL in flight over real loopback never sees 47 virtual seconds pass.
    private static async Task PassAsync(StationHarness harness, TimeSpan total)
    {
        var step = TimeSpan.FromSeconds(20);
        for (var passed = TimeSpan.Zero; passed < total; passed += step)
        {
            await harness.AdvanceAsync(step < total - passed ? step : total - passed);
            await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
            await harness.FlushAsync();
        }
    }
}
