using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Support.ChargingProfiles;

namespace Station.IntegrationTests;

/// <summary>
/// The Smart Charging cases of the certification (OCTT, shared/ocpp16/test-cases.md §8) over real
/// WebSockets against the built-in Central System, in virtual time. The built-in connector has one
/// phase of 230 V and 32 A: its own limit, where no profile applies, is 32 A. Profiles start d = 5 s
/// before now, and no virtual time passes before the composite is asked, so OCTT's x is d.
/// </summary>
public sealed class SmartChargingConformanceTests(ITestOutputHelper output)
{
    private const int X = D;

    [Theory]
    [Trait("Cert", "TC_056_CS")]
    [InlineData(ChargingRateUnitType.A, 6)]
    [InlineData(ChargingRateUnitType.W, 6000)]
    public async Task TC_056_CS_Central_smart_charging_TxDefaultProfile(ChargingRateUnitType unit, int limit)
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();

        Assert.Equal(ChargingProfileStatus.Accepted, await session.SetAsync(1, Common(ChargingProfilePurposeType.TxDefaultProfile, unit)));
        var composite = await session.CompositeAsync(1, 300, unit);

        Assert.Equal((GetCompositeScheduleStatus.Accepted, 1, 300, unit), (composite.Status, composite.ConnectorId, composite.ChargingSchedule!.Duration, composite.ChargingSchedule.ChargingRateUnit));
        Assert.Equal([(0, limit)], composite.Periods());
        Assert.InRange(composite.ScheduleStart!.Value, harness.Clock.GetUtcNow().AddSeconds(-D), harness.Clock.GetUtcNow());
    }

    [Fact]
    [Trait("Cert", "TC_057_CS")]
    public async Task TC_057_CS_Central_smart_charging_TxProfile()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);

        Assert.Equal(ChargingProfileStatus.Accepted, await session.SetAsync(1, Common(ChargingProfilePurposeType.TxProfile).ForTransaction(transactionId)));
        var composite = await session.CompositeAsync(1, 300);

        Assert.Equal((GetCompositeScheduleStatus.Accepted, 1, 300), (composite.Status, composite.ConnectorId, composite.ChargingSchedule!.Duration));
        Assert.Equal((0, 6m), composite.Periods()[0]);

        // The profile is applied, not just stored: the simulated EV draws 6 A x 230 V.
        var applied = await harness.AppliedAsync();
        Assert.Equal((6d, 1, 230d), (applied.LimitA, applied.Phases, applied.VoltageV));
        Assert.Equal(6 * 230, harness.Hardware.Connectors[0].Meter.Read().PowerActiveImportW, 3);
    }

    [Fact]
    [Trait("Cert", "TC_058_1_CS")]
    public async Task TC_058_1_CS_Central_smart_charging_no_ongoing_transaction()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();

        Assert.Equal(ChargingProfileStatus.Rejected, await session.SetAsync(1, Common(ChargingProfilePurposeType.TxProfile).ForTransaction(1)));

        // Nothing was installed: the connector's own limit over the whole window.
        Assert.Equal([(0, 32m)], (await session.CompositeAsync(1, 300)).Periods());
    }

    [Fact]
    [Trait("Cert", "TC_058_2_CS")]
    public async Task TC_058_2_CS_Central_smart_charging_wrong_transactionId()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);

        Assert.Equal(ChargingProfileStatus.Rejected, await session.SetAsync(1, Common(ChargingProfilePurposeType.TxProfile).ForTransaction(transactionId + 1)));

        Assert.Equal([(0, 32m)], (await session.CompositeAsync(1, 300)).Periods());
        Assert.Null((await harness.AppliedAsync()).LimitA);
    }

    [Fact]
    [Trait("Cert", "TC_082_CS")]
    public async Task TC_082_CS_Central_smart_charging_TxDefaultProfile_with_ongoing_transaction()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await harness.RemoteStartChargingAsync(session);

        Assert.Equal(ChargingProfileStatus.Accepted, await session.SetAsync(1, Common(ChargingProfilePurposeType.TxDefaultProfile)));
        var composite = await session.CompositeAsync(1, 300);

        Assert.Equal((GetCompositeScheduleStatus.Accepted, 300), (composite.Status, composite.ChargingSchedule!.Duration));
        Assert.Equal((0, 6m), composite.Periods()[0]);
        Assert.Equal(6d, (await harness.AppliedAsync()).LimitA);
    }

    [Fact]
    [Trait("Cert", "TC_066_CS")]
    public async Task TC_066_CS_Get_composite_schedule()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var start = harness.Clock.GetUtcNow().AddSeconds(-D);

        await session.InstallAsync(0, Profile(1, ChargingProfilePurposeType.ChargePointMaxProfile, (0, 10m)).StartingAt(start).Lasting(86400));
        await session.InstallAsync(1, Profile(2, ChargingProfilePurposeType.TxDefaultProfile, (0, 6m), (60, 10m), (120, 8m), (180, 15m), (260, 8m))
            .StartingAt(start).Lasting(300).Valid(start, start.AddSeconds(401)));
        await session.InstallAsync(1, Profile(3, ChargingProfilePurposeType.TxProfile, (0, 8m), (50, 11m), (140, 16m), (200, 6m), (240, 12m))
            .StartingAt(start).Lasting(260).Valid(start, start.AddSeconds(401)).ForTransaction(transactionId));
        var composite = await session.CompositeAsync(1, 400);

        var schedule = composite.ChargingSchedule!;
        Assert.Equal((GetCompositeScheduleStatus.Accepted, 1, 400, ChargingRateUnitType.A), (composite.Status, composite.ConnectorId, schedule.Duration, schedule.ChargingRateUnit));
        Assert.Equal([(0, 8m), (50 - X, 10m), (200 - X, 6m), (240 - X, 10m)], composite.Periods());

        // The limit in force now is the composite's first period.
        Assert.Equal(8d, (await harness.AppliedAsync()).LimitA);
    }

    [Fact]
    [Trait("Cert", "TC_067_CS")]
    public async Task TC_067_CS_Clear_charging_profile()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var start = harness.Clock.GetUtcNow().AddSeconds(-D);
        var validity = (start, start.AddSeconds(401));
        await session.InstallAsync(1, Profile(1, ChargingProfilePurposeType.TxDefaultProfile, (0, 6m), (60, 8m), (200, 10m)).AtLevel(1).StartingAt(start).Lasting(400));
        await session.InstallAsync(1, Profile(2, ChargingProfilePurposeType.TxDefaultProfile, (0, 7m), (100, 9m)).StartingAt(start).Lasting(400).Valid(validity.start, validity.Item2));
        await session.InstallAsync(0, Profile(3, ChargingProfilePurposeType.ChargePointMaxProfile, (0, 11m), (200, 12m)).StartingAt(start).Lasting(86400).Valid(validity.start, validity.Item2));

        Assert.Equal(ClearChargingProfileStatus.Accepted, (await session.CallAsync(new ClearChargingProfileRequest { Id = 1 }).OrTimeout()).Status);
        var afterId = await session.CompositeAsync(1, 350);
        Assert.Equal(350, afterId.ChargingSchedule!.Duration);
        Assert.Equal([(0, 7m), (100 - X, 9m)], afterId.Periods());

        var byPurpose = new ClearChargingProfileRequest { ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile, StackLevel = 0 };
        Assert.Equal(ClearChargingProfileStatus.Accepted, (await session.CallAsync(byPurpose).OrTimeout()).Status);
        Assert.Equal([(0, 11m), (200 - X, 12m)], (await session.CompositeAsync(1, 350)).Periods());

        Assert.Equal(ClearChargingProfileStatus.Accepted, (await session.CallAsync(new ClearChargingProfileRequest()).OrTimeout()).Status);
        Assert.Equal([(0, 32m)], (await session.CompositeAsync(1, 350)).Periods());

        // Nothing is left to clear.
        Assert.Equal(ClearChargingProfileStatus.Unknown, (await session.CallAsync(new ClearChargingProfileRequest()).OrTimeout()).Status);
    }

    [Fact]
    [Trait("Cert", "TC_072_CS")]
    public async Task TC_072_CS_Stacking_charging_profiles()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var start = harness.Clock.GetUtcNow().AddSeconds(-D);
        await session.InstallAsync(1, Profile(1, ChargingProfilePurposeType.TxDefaultProfile, (0, 6m), (100, 8m), (200, 10m))
            .StartingAt(start).Lasting(400).Valid(start, start.AddSeconds(401)));
        await session.InstallAsync(1, Profile(2, ChargingProfilePurposeType.TxDefaultProfile, (0, 7m), (100, 9m))
            .AtLevel(1).StartingAt(start).Lasting(150).Valid(start, start.AddSeconds(401)));

        var composite = await session.CompositeAsync(1, 350);

        Assert.Equal((GetCompositeScheduleStatus.Accepted, 350), (composite.Status, composite.ChargingSchedule!.Duration));
        Assert.Equal([(0, 7m), (100 - X, 9m), (150 - X, 8m), (200 - X, 10m)], composite.Periods());
    }

    [Fact]
    [Trait("Cert", "TC_059_CS")]
    public async Task TC_059_CS_Remote_start_transaction_with_charging_profile()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);

        var profile = Common(ChargingProfilePurposeType.TxProfile);
        var answer = await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = Scenarios.ValidIdTag, ChargingProfile = profile }).OrTimeout();
        Assert.Equal(RemoteStartStopStatus.Accepted, answer.Status);
        await session.Next<StartTransactionRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
        var composite = await session.CompositeAsync(1, 300);

        Assert.Equal((GetCompositeScheduleStatus.Accepted, 1, 300), (composite.Status, composite.ConnectorId, composite.ChargingSchedule!.Duration));
        Assert.Equal((0, 6m), composite.Periods()[0]);

        // The station follows the profile; and the TxProfile ends with its transaction.
        Assert.Equal(6d, (await harness.AppliedAsync()).LimitA);
        Assert.Equal(6 * 230, harness.Hardware.Connectors[0].Meter.Read().PowerActiveImportW, 3);
        var stop = session.LastSequence;
        await harness.Hardware.PressStopButtonAsync(1).OrTimeout();
        await session.Next<StopTransactionRequest>(stop);
        Assert.Equal([(0, 32m)], (await session.CompositeAsync(1, 300)).Periods());
        Assert.Null((await harness.AppliedAsync()).LimitA);
    }

    [Theory]
    [Trait("Cert", "TC_060_CS")]
    [InlineData(ChargingProfilePurposeType.TxDefaultProfile)]
    [InlineData(ChargingProfilePurposeType.ChargePointMaxProfile)]
    public async Task TC_060_CS_Remote_start_transaction_with_charging_profile_rejected(ChargingProfilePurposeType purpose)
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);

        var answer = await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = Scenarios.ValidIdTag, ChargingProfile = Common(purpose) }).OrTimeout();
        await harness.FlushAsync();

        Assert.Equal(RemoteStartStopStatus.Rejected, answer.Status);
        Assert.Empty(session.CallsSince<StartTransactionRequest>(mark));
        Assert.Equal([(0, 32m)], (await session.CompositeAsync(1, 300)).Periods());
    }
}
