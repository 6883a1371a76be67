using Ocpp16.Messages;
using Station.SmartCharging;
using Xunit;
using static Station.Tests.SmartCharging.Profiles;

namespace Station.Tests.SmartCharging;

/// <summary>The rules of the composite schedule (§3.13, §5.7), one per test, with the paragraph in a trait.</summary>
public sealed class CompositeScheduleTests
{
    private static readonly StationSituation ThreePhase = StationWith(Connector(1, phases: 3, maxCurrent: 16));

    [Fact]
    [Trait("Spec", "OCPP 1.6 §3.13.6")]
    public void Without_profiles_the_connector_may_give_its_rating()
    {
        Assert.Equal([(0, 16m)], Composite(InstalledProfileSet.Empty, ThreePhase, 1, T0, 3600));
        Assert.Equal([(0, 11040m)], Composite(InstalledProfileSet.Empty, ThreePhase, 1, T0, 3600, ChargingRateUnitType.W));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §3.13.1")]
    public void A_TxProfile_overrules_TxDefaultProfiles_of_any_stack_level()
    {
        var installed = Installed((1, TxDefault(1, (0, 6)).AtLevel(5)), (1, Tx(2, (0, 20))));

        Assert.Equal([(0, 20m)], Composite(installed, OneConnector(Transaction(T0)), 1, T0, 600));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §3.13.1")]
    public void An_expired_TxProfile_no_longer_overrules()
    {
        var installed = Installed((1, TxDefault(1, (0, 6))), (1, Tx(2, (0, 20)).Valid(null, T0.AddSeconds(100))));

        Assert.Equal([(0, 20m), (100, 6m)], Composite(installed, OneConnector(Transaction(T0)), 1, T0, 600));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §3.13.1")]
    public void A_TxProfile_whose_schedule_ended_still_overrules_while_valid()
    {
        var installed = Installed((1, TxDefault(1, (0, 6))), (1, Tx(2, (0, 20)).StartingAt(T0).Lasting(100)));

        Assert.Equal([(0, 20m), (100, 32m)], Composite(installed, OneConnector(Transaction(T0)), 1, T0, 600));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §3.13.1")]
    public void A_connector_TxDefaultProfile_beats_connector_0_at_the_same_stack_level_only()
    {
        var same = Installed((0, TxDefault(1, (0, 6)).AtLevel(2)), (1, TxDefault(2, (0, 20)).AtLevel(2)));
        var higherOnZero = Installed((0, TxDefault(1, (0, 6)).AtLevel(3)), (1, TxDefault(2, (0, 20)).AtLevel(2)));
        var station = StationWith(Connector(1), Connector(2));

        Assert.Equal([(0, 20m)], Composite(same, station, 1, T0, 60));
        Assert.Equal([(0, 6m)], Composite(same, station, 2, T0, 60));     // connector 0's still applies to the others
        Assert.Equal([(0, 6m)], Composite(higherOnZero, station, 1, T0, 60));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §3.13.2")]
    public void A_higher_stack_level_that_is_not_yet_valid_does_not_hide_the_lower_one()
    {
        var installed = Installed((1, TxDefault(1, (0, 6))), (1, TxDefault(2, (0, 20)).AtLevel(1).Valid(T0.AddSeconds(60), T0.AddSeconds(120))));

        Assert.Equal([(0, 6m), (60, 20m), (120, 6m)], Composite(installed, OneConnector(), 1, T0, 600));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §3.13.3")]
    public void The_composite_is_the_lowest_of_the_purposes_at_every_instant()
    {
        var installed = Installed((0, StationMax(1, (0, 12), (300, 5))), (1, TxDefault(2, (0, 16), (200, 8), (400, 20))));

        Assert.Equal([(0, 12m), (200, 8m), (300, 5m)], Composite(installed, OneConnector(), 1, T0, 600));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §5.16.4 notes")]
    public void Periods_beyond_the_duration_are_not_executed_and_the_last_period_holds_until_it()
    {
        var installed = Installed((1, TxDefault(1, (0, 6), (500, 10)).StartingAt(T0).Lasting(300)), (1, TxDefault(2, (0, 8), (100, 9)).AtLevel(1).StartingAt(T0).Lasting(400)));

        Assert.Equal([(0, 8m), (100, 9m), (400, 32m)], Composite(installed, OneConnector(), 1, T0, 900));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §7.9")]
    public void A_recurring_profile_does_not_apply_before_its_startSchedule()
    {
        var installed = Installed((1, TxDefault(1, (0, 6)).Recurring(RecurrencyKindType.Daily, T0.AddSeconds(600)).Lasting(3600)));

        Assert.Equal([(0, 32m), (600, 6m)], Composite(installed, OneConnector(), 1, T0, 1200));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §5.16.4 notes")]
    public void A_recurring_duration_shorter_than_its_period_falls_back_to_lower_stack_levels()
    {
        var installed = Installed((1, TxDefault(1, (0, 10))), (1, TxDefault(2, (0, 6)).AtLevel(1).Recurring(RecurrencyKindType.Daily, T0.AddDays(-5)).Lasting(600)));

        Assert.Equal([(0, 6m), (600, 10m), (86_400, 6m), (87_000, 10m)], Composite(installed, OneConnector(), 1, T0, 90_000));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §7.9")]
    public void A_recurring_profile_recurs_over_the_longest_window()
    {
        var installed = Installed((1, TxDefault(1, (0, 6)).Recurring(RecurrencyKindType.Daily, T0.AddDays(-1)).Lasting(3600)));

        var periods = Composite(installed, OneConnector(), 1, T0, CompositeScheduleCalculator.MaxDuration);

        Assert.Equal(62, periods.Length);
        Assert.Equal((30 * 86_400, 6m), periods[^2]);
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §7.14, §3.13.7")]
    public void Limits_in_W_and_A_meet_through_voltage_and_phases()
    {
        // 7000 W on three phases of 230 V is 10.14.. A per phase, truncated to 10.1; 16 A is 11040 W.
        var installed = Installed((0, StationMax(1, (0, 7000)).InWatts()), (1, TxDefault(2, (0, 16))));

        Assert.Equal([(0, 10.1m)], Composite(installed, ThreePhase, 1, T0, 60, ChargingRateUnitType.A));
        Assert.Equal([(0, 7000m)], Composite(installed, ThreePhase, 1, T0, 60, ChargingRateUnitType.W));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §7.14")]
    public void A_period_on_fewer_phases_limits_the_power_of_all()
    {
        // 16 A on one phase is 3680 W; a three-phase ChargePointMaxProfile of 20 A is then per phase too.
        var installed = Installed((0, StationMax(1, (0, 20)).WithPhases(3)), (1, TxDefault(2, (0, 16)).WithPhases(1)));
        var schedule = CompositeScheduleCalculator.Calculate(installed, ThreePhase, 1, T0, 60, ChargingRateUnitType.W).Schedule!;

        Assert.Equal([new CompositePeriod(0, 3680m, 1)], schedule.Periods);
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §7.14")]
    public void A_limit_in_W_stays_the_total_power_on_any_phase_count()
    {
        // 11000 W allowed, drawn on one phase of 230 V: 47.82.. A, truncated to 47.8.
        var installed = Installed((1, TxDefault(1, (0, 11000)).InWatts().WithPhases(1)));

        Assert.Equal([(0, 47.8m)], Composite(installed, ThreePhase, 1, T0, 60, ChargingRateUnitType.A));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §5.7")]
    public void Connector_0_adds_the_connectors_in_W_each_with_its_own_supply()
    {
        var station = StationWith(Connector(1, phases: 3, maxCurrent: 16), Connector(2, phases: 1, maxCurrent: 32, transaction: Transaction(T0)));
        var installed = Installed((1, TxDefault(1, (0, 10))), (2, Tx(2, (0, 2300)).InWatts()), (0, StationMax(3, (0, 12000), (60, 7000)).InWatts()));

        // 10 A x 230 V x 3 = 6900 W, plus 2300 W, capped by 12000 W then 7000 W.
        Assert.Equal([(0, 9200m), (60, 7000m)], Composite(installed, station, 0, T0, 120, ChargingRateUnitType.W));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §5.7")]
    public void An_unknown_connector_or_a_duration_outside_0_to_31_days_is_rejected()
    {
        var unknown = CompositeScheduleCalculator.Calculate(InstalledProfileSet.Empty, OneConnector(), 2, T0, 60);
        var negative = CompositeScheduleCalculator.Calculate(InstalledProfileSet.Empty, OneConnector(), 1, T0, -1);

        Assert.Equal((GetCompositeScheduleStatus.Rejected, "connectorId 2 does not exist (the station has connectors 0..1)"), (unknown.Status, unknown.Reason));
        var tooLong = CompositeScheduleCalculator.Calculate(InstalledProfileSet.Empty, OneConnector(), 1, T0, CompositeScheduleCalculator.MaxDuration + 1);
        Assert.Equal((GetCompositeScheduleStatus.Rejected, "duration -1 is outside 0..2678400 s (31 days)"), (negative.Status, negative.Reason));
        Assert.Equal(GetCompositeScheduleStatus.Rejected, tooLong.Status);
        Assert.Equal(new GetCompositeScheduleResponse { Status = GetCompositeScheduleStatus.Rejected }, unknown.ToResponse());
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §6.22")]
    public void The_response_carries_the_connector_start_duration_unit_and_periods()
    {
        var start = T0.AddMilliseconds(734);
        var result = CompositeScheduleCalculator.Calculate(Installed((1, TxDefault(1, (0, 6)).WithPhases(1))), OneConnector(), 1, start, 120);

        var response = result.ToResponse();

        Assert.Equal((GetCompositeScheduleStatus.Accepted, 1, T0), (response.Status, response.ConnectorId, response.ScheduleStart));
        var schedule = response.ChargingSchedule!;
        Assert.Equal((120, ChargingRateUnitType.A, T0), (schedule.Duration, schedule.ChargingRateUnit, schedule.StartSchedule));
        Assert.Equal([new ChargingSchedulePeriod { StartPeriod = 0, Limit = 6m, NumberPhases = 1 }], schedule.ChargingSchedulePeriod);
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §5.7")]
    public void Without_a_unit_the_composite_is_in_A()
    {
        var result = CompositeScheduleCalculator.Calculate(Installed((1, TxDefault(1, (0, 4600)).InWatts())), OneConnector(), 1, T0, 60);

        Assert.Equal(ChargingRateUnitType.A, result.Schedule!.ChargingRateUnit);
        Assert.Equal([(0, 20m)], result.Periods());
    }
}
