using Ocpp16.Messages;
using Station.SmartCharging;
using Xunit;
using static Station.Tests.SmartCharging.Profiles;

namespace Station.Tests.SmartCharging;

/// <summary>
/// The smart charging certification cases (test-cases.md §8) played on the pure core: the profiles
/// they install, the checks they make on SetChargingProfile, and the composite they expect. The
/// station is one single-phase 230 V 32 A connector; d is MaxTimeDeviation, the profiles start at
/// now - d, and the composite is asked <c>Late</c> seconds after they were set.
/// </summary>
public sealed class CertificationCaseTests
{
    private const int D = 5;
    private const int Late = 2;
    private static readonly DateTimeOffset ProfileStart = T0.AddSeconds(-D);
    private static readonly DateTimeOffset Asked = T0.AddSeconds(Late);
    private static readonly DateTimeOffset ValidTo = ProfileStart.AddSeconds(401);

    // The expected lists write offsets as OCTT does, "(50 - x)": x is how far the composite starts after the profiles' start.
    private const int X = D + Late;

    private static readonly StationSituation Charging = OneConnector(Transaction(T0.AddSeconds(-60), id: 42));

    private static ProfileCheck Set(int connectorId, ChargingProfile profile, StationSituation station, InstalledProfileSet? installed = null) =>
        ChargingProfileValidator.CheckSetChargingProfile(
            new SetChargingProfileRequest { ConnectorId = connectorId, CsChargingProfiles = profile }, station, Limits, installed ?? InstalledProfileSet.Empty);

    // The common profile of TC_056/057/059/082: Absolute without startSchedule, one period of 6 A or 6000 W.
    private static ChargingProfile Common(ChargingProfilePurposeType purpose, ChargingRateUnitType unit) =>
        (unit == ChargingRateUnitType.W ? Profile(1, purpose, (0, 6000m)).InWatts() : Profile(1, purpose, (0, 6m))).Lasting(300).WithPhases(1);

    [Theory]
    [Trait("Cert", "TC_056_CS")]
    [InlineData(ChargingRateUnitType.A, 6)]
    [InlineData(ChargingRateUnitType.W, 6000)]
    public void TC_056_CS_TxDefaultProfile_shows_in_the_composite_without_a_transaction(ChargingRateUnitType unit, int limit)
    {
        var profile = Common(ChargingProfilePurposeType.TxDefaultProfile, unit);
        Assert.True(Set(1, profile, OneConnector()).IsAccepted);

        var result = CompositeScheduleCalculator.Calculate(Installed((1, profile)), OneConnector(), 1, Asked, 300, unit);

        // Without a transaction §7.13's "relative to start of charging" starts at the request: the whole window is 6.
        var schedule = result.Schedule!;
        Assert.Equal((GetCompositeScheduleStatus.Accepted, 1, 300, unit), (result.Status, schedule.ConnectorId, schedule.Duration, schedule.ChargingRateUnit));
        Assert.Equal([new CompositePeriod(0, limit, 1)], schedule.Periods);
        Assert.Equal(Asked, schedule.ScheduleStart);
    }

    [Theory]
    [Trait("Cert", "TC_057_CS")]
    [InlineData(ChargingRateUnitType.A, 6, 32)]
    [InlineData(ChargingRateUnitType.W, 6000, 7360)]
    public void TC_057_CS_TxProfile_of_the_running_transaction_governs_the_composite(ChargingRateUnitType unit, int limit, int rating)
    {
        var profile = Common(ChargingProfilePurposeType.TxProfile, unit).ForTransaction(42);
        Assert.True(Set(1, profile, Charging).IsAccepted);

        // §7.13: without startSchedule the schedule runs from the start of charging, 60 s before the profile came.
        Assert.Equal([(0, limit), (300 - 60 - Late, rating)], Composite(Installed((1, profile)), Charging, 1, Asked, 300, unit));
    }

    [Fact]
    [Trait("Cert", "TC_058_1_CS")]
    public void TC_058_1_CS_TxProfile_without_a_transaction_is_rejected()
    {
        var check = Set(1, Common(ChargingProfilePurposeType.TxProfile, ChargingRateUnitType.A).ForTransaction(42), OneConnector());

        Assert.Equal(ChargingProfileStatus.Rejected, check.Status);
        Assert.Contains("none is running", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Cert", "TC_058_2_CS")]
    public void TC_058_2_CS_TxProfile_with_a_wrong_transactionId_is_rejected()
    {
        var check = Set(1, Common(ChargingProfilePurposeType.TxProfile, ChargingRateUnitType.A).ForTransaction(43), Charging);

        Assert.Equal(ChargingProfileStatus.Rejected, check.Status);
        Assert.Contains("transactionId 43 is not the transaction on connector 1 (42)", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Cert", "TC_059_CS")]
    public void TC_059_CS_remote_start_profile_is_accepted_and_governs_the_new_transaction()
    {
        var profile = Common(ChargingProfilePurposeType.TxProfile, ChargingRateUnitType.A);
        Assert.True(ChargingProfileValidator.CheckRemoteStartProfile(profile, 1, OneConnector(), Limits, InstalledProfileSet.Empty).IsAccepted);

        // Installed when the transaction starts (at T0); its id arrives later and the profile, without one, follows it.
        var station = OneConnector(Transaction(T0, id: 42));
        Assert.Equal([(0, 6m), (300 - Late, 32m)], Composite(Installed((1, profile)), station, 1, Asked, 300));
    }

    [Theory]
    [Trait("Cert", "TC_060_CS")]
    [InlineData(ChargingProfilePurposeType.TxDefaultProfile)]
    [InlineData(ChargingProfilePurposeType.ChargePointMaxProfile)]
    public void TC_060_CS_remote_start_profile_of_another_purpose_is_rejected(ChargingProfilePurposeType purpose)
    {
        var check = ChargingProfileValidator.CheckRemoteStartProfile(Common(purpose, ChargingRateUnitType.A), 1, OneConnector(), Limits, InstalledProfileSet.Empty);

        Assert.Equal(ChargingProfileStatus.Rejected, check.Status);
        Assert.Contains("must be a TxProfile", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Cert", "TC_082_CS")]
    public void TC_082_CS_TxDefaultProfile_governs_the_running_transaction()
    {
        var profile = Common(ChargingProfilePurposeType.TxDefaultProfile, ChargingRateUnitType.A);
        Assert.True(Set(1, profile, Charging).IsAccepted);

        Assert.Equal([(0, 6m), (300 - 60 - Late, 32m)], Composite(Installed((1, profile)), Charging, 1, Asked, 300));
    }

    [Theory]
    [Trait("Cert", "TC_066_CS")]
    [InlineData(ChargingRateUnitType.A, 1)]
    [InlineData(ChargingRateUnitType.W, 1000)]
    public void TC_066_CS_composite_of_station_max_default_and_transaction_profiles(ChargingRateUnitType unit, int scale)
    {
        ChargingProfile In(ChargingProfile p) => unit == ChargingRateUnitType.W ? p.InWatts() : p;
        (int, decimal)[] Scaled(params (int Start, decimal Limit)[] periods) => [.. periods.Select(p => (p.Start, p.Limit * scale))];
        var p1 = In(StationMax(1, Scaled((0, 10)))).StartingAt(ProfileStart).Lasting(86400).WithPhases(1);
        var p2 = In(TxDefault(2, Scaled((0, 6), (60, 10), (120, 8), (180, 15), (260, 8))))
            .Valid(ProfileStart, ValidTo).StartingAt(ProfileStart).Lasting(300).WithPhases(1);
        var p3 = In(Tx(3, Scaled((0, 8), (50, 11), (140, 16), (200, 6), (240, 12))))
            .Valid(ProfileStart, ValidTo).StartingAt(ProfileStart).Lasting(260).WithPhases(1);
        var installed = InstalledProfileSet.Empty;
        foreach (var (connectorId, profile) in new[] { (0, p1), (1, p2), (1, p3) })
        {
            Assert.True(Set(connectorId, profile, Charging, installed).IsAccepted);
            installed = installed.Install(connectorId, profile);
        }

        // TxProfile overrules TxDefaultProfile, ChargePointMaxProfile caps, equal neighbours merge; after the
        // TxProfile's 260 s the TxDefaultProfile stays overruled, so 10 holds to the end as OCTT expects.
        Assert.Equal(Scaled((0, 8), (50 - X, 10), (200 - X, 6), (240 - X, 10)), Composite(installed, Charging, 1, Asked, 400, unit));
    }

    [Fact]
    [Trait("Cert", "TC_067_CS")]
    public void TC_067_CS_clear_by_id_then_by_purpose_and_level_then_everything()
    {
        var p1 = TxDefault(1, (0, 6), (60, 8), (200, 10)).AtLevel(1).StartingAt(ProfileStart).Lasting(400);
        var p2 = TxDefault(2, (0, 7), (100, 9)).Valid(ProfileStart, ValidTo).StartingAt(ProfileStart).Lasting(400);
        var p3 = StationMax(3, (0, 11), (200, 12)).Valid(ProfileStart, ValidTo).StartingAt(ProfileStart).Lasting(86400);
        var installed = Installed((1, p1), (1, p2), (0, p3));
        var station = OneConnector();

        var byId = installed.Clear(new ClearChargingProfileRequest { Id = 1 });
        Assert.Equal(ClearChargingProfileStatus.Accepted, byId.Status);
        Assert.Equal([(0, 7m), (100 - X, 9m)], Composite(byId.Profiles, station, 1, Asked, 350));

        var byPurposeAndLevel = byId.Profiles.Clear(new ClearChargingProfileRequest { ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile, StackLevel = 0 });
        Assert.Equal(ClearChargingProfileStatus.Accepted, byPurposeAndLevel.Status);
        Assert.Equal([(0, 11m), (200 - X, 12m)], Composite(byPurposeAndLevel.Profiles, station, 1, Asked, 350));

        var everything = byPurposeAndLevel.Profiles.Clear(new ClearChargingProfileRequest());
        Assert.Equal(ClearChargingProfileStatus.Accepted, everything.Status);
        Assert.Empty(everything.Profiles);
        Assert.Equal([(0, 32m)], Composite(everything.Profiles, station, 1, Asked, 350));
    }

    [Fact]
    [Trait("Cert", "TC_072_CS")]
    public void TC_072_CS_higher_stack_level_wins_while_it_lasts_then_the_lower_shows_through()
    {
        var p1 = TxDefault(1, (0, 6), (100, 8), (200, 10)).Valid(ProfileStart, ValidTo).StartingAt(ProfileStart).Lasting(400);
        var p2 = TxDefault(2, (0, 7), (100, 9)).AtLevel(1).Valid(ProfileStart, ValidTo).StartingAt(ProfileStart).Lasting(150);

        Assert.Equal([(0, 7m), (100 - X, 9m), (150 - X, 8m), (200 - X, 10m)], Composite(Installed((1, p1), (1, p2)), OneConnector(), 1, Asked, 350));
    }
}
