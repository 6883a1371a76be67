using Ocpp16.Messages;
using Station.SmartCharging;
using Xunit;
using static Station.Tests.SmartCharging.Profiles;

namespace Station.Tests.SmartCharging;

/// <summary>
/// SetChargingProfile validation, one rule per row: a profile breaking it is Rejected with a reason
/// naming the offending value, and one keeping it is Accepted. The station has two connectors, a
/// single-phase one and a three-phase one running transaction 42.
/// </summary>
public sealed class ChargingProfileValidatorTests
{
    private static readonly StationSituation TwoConnectors = StationWith(Connector(1), Connector(2, phases: 3, transaction: Transaction(T0, 42)));
    private static readonly ChargingProfile Good = TxDefault(1, (0, 16), (600, 10));

    private static ProfileCheck Check(int connectorId, ChargingProfile profile, InstalledProfileSet? installed = null, SmartChargingLimits? limits = null) =>
        ChargingProfileValidator.CheckSetChargingProfile(
            new SetChargingProfileRequest { ConnectorId = connectorId, CsChargingProfiles = profile }, TwoConnectors, limits ?? Limits, installed ?? InstalledProfileSet.Empty);

    private static ChargingSchedule Schedule(params ChargingSchedulePeriod[] periods) =>
        Good.ChargingSchedule with { ChargingSchedulePeriod = periods };

    private static ChargingSchedulePeriod Period(int start, decimal limit, int? phases = null) => new() { StartPeriod = start, Limit = limit, NumberPhases = phases };

    public static TheoryData<string, int, ChargingProfile, string> Rejections => new()
    {
        // §3.13.1 purposes and connectors
        { "unknown connector", 3, Good, "connectorId 3 does not exist" },
        { "negative connector", -1, Good, "connectorId -1 does not exist" },
        { "ChargePointMaxProfile on a connector", 1, StationMax(1, (0, 16)), "only be set on connector 0, not on 1" },
        { "Relative ChargePointMaxProfile", 0, StationMax(1, (0, 16)).Relative(), "cannot be Relative" },
        { "TxProfile on connector 0", 0, Tx(1, (0, 16)), "only be set on a connector > 0" },
        { "TxProfile without a transaction", 1, Tx(1, (0, 16)), "none is running" },
        { "TxProfile for another transaction", 2, Tx(1, (0, 16)).ForTransaction(41), "transactionId 41 is not the transaction on connector 2 (42)" },
        { "transactionId on a TxDefaultProfile", 2, Good.ForTransaction(42), "only valid on a TxProfile" },
        // §7.8 stack level and validity
        { "negative stack level", 1, Good.AtLevel(-1), "stackLevel -1 is outside 0..8" },
        { "stack level above ChargeProfileMaxStackLevel", 1, Good.AtLevel(9), "stackLevel 9 is outside 0..8" },
        { "validTo before validFrom", 1, Good.Valid(T0, T0.AddSeconds(-1)), "is not after validFrom" },
        { "validTo equal to validFrom", 1, Good.Valid(T0, T0), "is not after validFrom" },
        // §7.9 kinds
        { "Recurring without recurrencyKind", 1, Good with { ChargingProfileKind = ChargingProfileKindType.Recurring }, "needs a recurrencyKind" },
        { "Recurring without startSchedule", 1, Good with { ChargingProfileKind = ChargingProfileKindType.Recurring, RecurrencyKind = RecurrencyKindType.Daily }, "needs a startSchedule" },
        { "Relative with startSchedule", 1, Good.Relative().StartingAt(T0), "must not have a startSchedule" },
        // §7.13, §7.14 schedule
        { "no period", 1, Good with { ChargingSchedule = Schedule() }, "has no chargingSchedulePeriod" },
        { "first period not at 0", 1, Good with { ChargingSchedule = Schedule(Period(10, 16)) }, "the first startPeriod is 10" },
        { "periods out of order", 1, Good with { ChargingSchedule = Schedule(Period(0, 16), Period(600, 10), Period(300, 8)) }, "period 2 starts at 300, not after period 1 at 600" },
        { "two periods at the same start (overlap)", 1, Good with { ChargingSchedule = Schedule(Period(0, 16), Period(0, 10)) }, "period 1 starts at 0, not after period 0 at 0" },
        { "negative limit", 1, Good with { ChargingSchedule = Schedule(Period(0, 16), Period(60, -0.1m)) }, "period 1 has a negative limit -0.1" },
        { "numberPhases 0", 2, Good with { ChargingSchedule = Schedule(Period(0, 16, phases: 0)) }, "numberPhases 0" },
        { "numberPhases 4", 2, Good with { ChargingSchedule = Schedule(Period(0, 16, phases: 4)) }, "numberPhases 4" },
        { "numberPhases above the connector's", 1, Good with { ChargingSchedule = Schedule(Period(0, 16, phases: 3)) }, "numberPhases 3; the connector has 1" },
        { "negative duration", 1, Good.Lasting(-1), "duration -1 is negative" },
        { "negative minChargingRate", 1, Good.WithMinChargingRate(-1), "minChargingRate -1 is negative" },
        // §3.13.5 station limits
        { "too many periods", 1, Good with { ChargingSchedule = Schedule([.. Enumerable.Range(0, 25).Select(i => Period(i * 60, 16))]) }, "25 periods exceed ChargingScheduleMaxPeriods 24" },
    };

    [Theory]
    [Trait("Spec", "OCPP 1.6 §3.13.1, §5.16, §7.8, §7.13, §7.14")]
    [MemberData(nameof(Rejections))]
    public void Breaking_a_rule_is_rejected_with_the_offending_value(string rule, int connectorId, ChargingProfile profile, string reason)
    {
        var check = Check(connectorId, profile);

        Assert.False(check.IsAccepted, rule);
        Assert.Equal(ChargingProfileStatus.Rejected, check.Status);
        Assert.Contains(reason, check.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, ChargingProfile> Acceptances => new()
    {
        { "TxDefaultProfile on connector 0", 0, Good },
        { "TxDefaultProfile on a connector", 1, Good },
        { "ChargePointMaxProfile on connector 0", 0, StationMax(1, (0, 32)).StartingAt(T0) },
        { "TxProfile for the running transaction", 2, Tx(1, (0, 16)).ForTransaction(42) },
        { "TxProfile without transactionId on a connector with a transaction", 2, Tx(1, (0, 16)) },
        { "Absolute without startSchedule (TC_056)", 1, Good },
        { "Relative without startSchedule", 1, Good.Relative() },
        { "Recurring with kind and start", 1, Good.Recurring(RecurrencyKindType.Weekly, T0) },
        { "Recurring with a duration longer than its period (the rest is not executed)", 1, Good.Recurring(RecurrencyKindType.Daily, T0).Lasting(90_000) },
        { "limit 0", 1, TxDefault(1, (0, 0)) },
        { "the highest stack level", 1, Good.AtLevel(8) },
        { "numberPhases up to the connector's", 2, Good.WithPhases(3) },
        { "duration 0", 1, Good.Lasting(0) },
        { "24 periods", 1, Good with { ChargingSchedule = Schedule([.. Enumerable.Range(0, 24).Select(i => Period(i * 60, 16))]) } },
        { "in W", 1, Good.InWatts() },
    };

    [Theory]
    [Trait("Spec", "OCPP 1.6 §3.13.1, §5.16, §7.8, §7.13, §7.14")]
    [MemberData(nameof(Acceptances))]
    public void Keeping_the_rules_is_accepted(string situation, int connectorId, ChargingProfile profile)
    {
        var check = Check(connectorId, profile);

        Assert.True(check.IsAccepted, $"{situation}: {check}");
        Assert.Null(check.Reason);
    }

    [Fact]
    [Trait("Spec", "ChargingScheduleAllowedChargingRateUnit")]
    public void A_unit_the_station_does_not_allow_is_rejected()
    {
        var check = Check(1, Good.InWatts(), limits: Limits with { ChargingScheduleAllowedChargingRateUnit = [ChargingRateUnitType.A] });

        Assert.Contains("chargingRateUnit W is not allowed (ChargingScheduleAllowedChargingRateUnit is A)", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Spec", "MaxChargingProfilesInstalled")]
    public void The_installed_count_is_taken_after_replacement()
    {
        var limits = Limits with { MaxChargingProfilesInstalled = 2 };
        var full = Installed((1, TxDefault(1, (0, 16))), (1, TxDefault(2, (0, 10)).AtLevel(1)));

        Assert.True(Check(1, TxDefault(1, (0, 6)), full, limits).IsAccepted);                  // same id
        Assert.True(Check(1, TxDefault(9, (0, 6)).AtLevel(1), full, limits).IsAccepted);      // same level and purpose on the connector
        var third = Check(1, TxDefault(9, (0, 6)).AtLevel(2), full, limits);
        Assert.Contains("3 profiles would exceed MaxChargingProfilesInstalled 2", third.Reason, StringComparison.Ordinal);
        // The same level and purpose on connector 0 is another profile (§3.13.1), so it counts.
        Assert.False(Check(0, TxDefault(9, (0, 6)).AtLevel(1), full, limits).IsAccepted);
    }

    [Fact]
    [Trait("Spec", "OCPP 1.6 §5.16.2")]
    public void A_remote_start_profile_must_not_name_a_transaction_and_must_fit_the_connector()
    {
        static ProfileCheck Remote(ChargingProfile p, int? connectorId) =>
            ChargingProfileValidator.CheckRemoteStartProfile(p, connectorId, TwoConnectors, Limits, InstalledProfileSet.Empty);

        Assert.Contains("must not carry a transactionId (42)", Remote(Tx(1, (0, 16)).ForTransaction(42), 2).Reason, StringComparison.Ordinal);
        Assert.Contains("connectorId 0 does not exist", Remote(Tx(1, (0, 16)), 0).Reason, StringComparison.Ordinal);
        Assert.Contains("the first startPeriod is 5", Remote(Tx(1, (5, 16)), 1).Reason, StringComparison.Ordinal);
        Assert.Contains("numberPhases 3; the connector has 1", Remote(Tx(1, (0, 16)).WithPhases(3), 1).Reason, StringComparison.Ordinal);
        Assert.True(Remote(Tx(1, (0, 16)).WithPhases(3), null).IsAccepted); // no connector named: any of the station's
    }

    [Fact]
    public void A_rejected_profile_leaves_the_installed_set_as_it_was()
    {
        var installed = Installed((1, Good));
        var bad = Tx(5, (0, 16));

        var check = Check(0, bad, installed);

        // The validator is pure: only an Accepted verdict leads the caller to Install, so a rejection changes nothing.
        Assert.False(check.IsAccepted);
        Assert.Equal([new InstalledProfile(1, Good)], installed);
    }
}
