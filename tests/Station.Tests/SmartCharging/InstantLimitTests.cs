using Ocpp16.Messages;
using Station.SmartCharging;
using Xunit;
using static Station.Tests.SmartCharging.Profiles;

namespace Station.Tests.SmartCharging;

/// <summary>The limit now and the instant it next changes: what a limit applier needs to set one timer.</summary>
public sealed class InstantLimitTests
{
    private static ConnectorLimit At(InstalledProfileSet installed, DateTimeOffset now, StationSituation? station = null, int connectorId = 1, ChargingRateUnitType unit = ChargingRateUnitType.A) =>
        InstantLimitCalculator.At(installed, station ?? OneConnector(), connectorId, now, unit);

    [Fact]
    public void Without_profiles_the_rating_holds_forever()
    {
        var limit = At(InstalledProfileSet.Empty, T0);

        Assert.Equal(new ConnectorLimit(32m, ChargingRateUnitType.A, 1, null, false, null), limit);
        Assert.False(limit.IsSuspended);
    }

    [Fact]
    public void The_next_change_is_the_next_period_start()
    {
        var installed = Installed((1, TxDefault(1, (0, 6), (600, 10)).StartingAt(T0.AddSeconds(-100)).Lasting(1800)));

        var now = At(installed, T0.AddMilliseconds(400));
        var later = At(installed, now.NextChange!.Value);
        var last = At(installed, later.NextChange!.Value);

        Assert.Equal((6m, T0.AddSeconds(500)), (now.Limit, now.NextChange));
        Assert.Equal((10m, T0.AddSeconds(1700)), (later.Limit, later.NextChange));
        Assert.Equal((32m, false, (DateTimeOffset?)null), (last.Limit, last.FromProfile, last.NextChange));
    }

    [Fact]
    public void A_boundary_hidden_under_a_higher_stack_level_is_not_a_change()
    {
        var installed = Installed((1, TxDefault(1, (0, 6), (60, 8), (120, 9)).StartingAt(T0)), (1, TxDefault(2, (0, 16)).AtLevel(1).StartingAt(T0).Lasting(300)));

        Assert.Equal((16m, T0.AddSeconds(300)), (At(installed, T0).Limit, At(installed, T0).NextChange));
    }

    [Fact]
    public void A_change_far_ahead_is_found_without_polling()
    {
        var installed = Installed((1, TxDefault(1, (0, 6)).Valid(null, T0.AddDays(200))));

        Assert.Equal(T0.AddDays(200), At(installed, T0).NextChange);
    }

    [Fact]
    public void A_recurring_profile_changes_at_its_next_occurrence()
    {
        var installed = Installed((1, TxDefault(1, (0, 6), (3600, 12)).Recurring(RecurrencyKindType.Daily, T0.AddDays(-3)).Lasting(7200)));

        var inside = At(installed, T0.AddSeconds(4000));
        var between = At(installed, T0.AddSeconds(7200));

        Assert.Equal((12m, T0.AddSeconds(7200)), (inside.Limit, inside.NextChange));
        Assert.Equal((32m, T0.AddDays(1)), (between.Limit, between.NextChange));
    }

    [Fact]
    public void A_recurring_profile_that_never_changes_is_read_again_after_a_week_and_a_day()
    {
        var installed = Installed((1, TxDefault(1, (0, 6)).Recurring(RecurrencyKindType.Weekly, T0.AddDays(-30))));

        Assert.Equal((6m, T0.AddDays(8)), (At(installed, T0).Limit, At(installed, T0).NextChange));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §7.9")]
    public void A_relative_profile_without_transaction_gives_its_first_period_and_no_change()
    {
        var installed = Installed((1, TxDefault(1, (0, 6), (60, 10)).Relative().Lasting(600)));

        Assert.Equal((6m, (DateTimeOffset?)null), (At(installed, T0).Limit, At(installed, T0).NextChange));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §7.9")]
    public void A_relative_profile_follows_the_transaction_start()
    {
        var installed = Installed((1, TxDefault(1, (0, 6), (60, 10)).Relative().Lasting(600)));
        var station = OneConnector(Transaction(T0.AddSeconds(-30)));

        var limit = At(installed, T0, station);

        Assert.Equal((6m, T0.AddSeconds(30)), (limit.Limit, limit.NextChange));
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §4.9 SuspendedEVSE")]
    public void A_limit_of_0_suspends()
    {
        var limit = At(Installed((1, TxDefault(1, (0, 0)))), T0);

        Assert.True(limit.IsSuspended);
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §7.13 minChargingRate")]
    public void A_limit_below_minChargingRate_suspends_and_one_at_it_does_not()
    {
        var installed = Installed((1, Tx(1, (0, 5.9m), (60, 6)).StartingAt(T0).WithMinChargingRate(6)));
        var station = OneConnector(Transaction(T0));

        var below = At(installed, T0, station);
        var at = At(installed, T0.AddSeconds(60), station);

        Assert.Equal((5.9m, 6m, true), (below.Limit, below.MinChargingRate, below.IsSuspended));
        Assert.Equal((6m, false), (at.Limit, at.IsSuspended));
    }

    [Fact]
    public void MinChargingRate_is_converted_to_the_unit_asked()
    {
        var installed = Installed((1, Tx(1, (0, 10)).WithMinChargingRate(6)));

        var limit = At(installed, T0, OneConnector(Transaction(T0)), unit: ChargingRateUnitType.W);

        Assert.Equal((2300m, 1380m, ChargingRateUnitType.W), (limit.Limit, limit.MinChargingRate, limit.Unit));
    }

    [Fact]
    public void The_station_total_has_a_limit_too()
    {
        var installed = Installed((0, StationMax(1, (0, 40), (900, 20)).StartingAt(T0)));

        var limit = At(installed, T0, StationWith(Connector(1), Connector(2)), connectorId: 0);

        Assert.Equal((40m, T0.AddSeconds(900), true), (limit.Limit, limit.NextChange, limit.FromProfile));
    }

    [Fact]
    public void An_unknown_connector_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => At(InstalledProfileSet.Empty, T0, connectorId: 2));
}
