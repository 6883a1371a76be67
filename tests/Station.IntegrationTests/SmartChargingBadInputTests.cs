using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Model;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Support.ChargingProfiles;

namespace Station.IntegrationTests;

/// <summary>
/// Every rule of SetChargingProfile answered as the spec says: Rejected, nothing installed (the
/// composite stays the connector's own limit and nothing is left to clear), the station unharmed.
/// </summary>
public sealed class SmartChargingBadInputTests(ITestOutputHelper output)
{
    private static readonly ChargingProfile Good = Profile(7, ChargingProfilePurposeType.TxDefaultProfile, (0, 6m), (60, 8m));

    private static ChargingProfile WithPeriods(ChargingProfile p, params (int Start, decimal Limit, int? Phases)[] periods) =>
        p with
        {
            ChargingSchedule = p.ChargingSchedule with
            {
                ChargingSchedulePeriod = [.. periods.Select(x => new ChargingSchedulePeriod { StartPeriod = x.Start, Limit = x.Limit, NumberPhases = x.Phases })],
            },
        };

    // (what is wrong, connectorId, profile); a transaction runs on connector 1 with transactionId T (the placeholder 0 is replaced by T + 1).
    private static IEnumerable<(string Rule, int ConnectorId, ChargingProfile Profile)> Cases(DateTimeOffset now)
    {
        yield return ("unknown connector", 2, Good);
        yield return ("negative connector", -1, Good);
        yield return ("ChargePointMaxProfile on a connector", 1, Good with { ChargingProfilePurpose = ChargingProfilePurposeType.ChargePointMaxProfile });
        yield return ("Relative ChargePointMaxProfile", 0,
            Good with { ChargingProfilePurpose = ChargingProfilePurposeType.ChargePointMaxProfile, ChargingProfileKind = ChargingProfileKindType.Relative });
        yield return ("TxProfile on connector 0", 0, Good with { ChargingProfilePurpose = ChargingProfilePurposeType.TxProfile });
        yield return ("TxProfile of another transaction", 1, Good.ForTransaction(0) with { ChargingProfilePurpose = ChargingProfilePurposeType.TxProfile });
        yield return ("transactionId on a TxDefaultProfile", 1, Good.ForTransaction(0));
        yield return ("stackLevel above ChargeProfileMaxStackLevel", 1, Good.AtLevel(11));
        yield return ("negative stackLevel", 1, Good.AtLevel(-1));
        yield return ("validTo before validFrom", 1, Good.Valid(now, now.AddSeconds(-1)));
        yield return ("Recurring without recurrencyKind", 1, Good.StartingAt(now) with { ChargingProfileKind = ChargingProfileKindType.Recurring });
        yield return ("Recurring without startSchedule", 1, Good with { ChargingProfileKind = ChargingProfileKindType.Recurring, RecurrencyKind = RecurrencyKindType.Daily });
        yield return ("Relative with startSchedule", 1, Good.StartingAt(now) with { ChargingProfileKind = ChargingProfileKindType.Relative });
        yield return ("negative duration", 1, Good.Lasting(-1));
        yield return ("negative minChargingRate", 1, Good with { ChargingSchedule = Good.ChargingSchedule with { MinChargingRate = -1m } });
        yield return ("no period", 1, WithPeriods(Good));
        yield return ("more periods than ChargingScheduleMaxPeriods", 1, WithPeriods(Good, [.. Enumerable.Range(0, 25).Select(i => (i * 60, 6m, (int?)null))]));
        yield return ("first startPeriod not 0", 1, WithPeriods(Good, (10, 6m, null), (60, 8m, null)));
        yield return ("periods out of order", 1, WithPeriods(Good, (0, 6m, null), (120, 8m, null), (60, 7m, null)));
        yield return ("two periods at the same start", 1, WithPeriods(Good, (0, 6m, null), (60, 8m, null), (60, 7m, null)));
        yield return ("negative limit", 1, WithPeriods(Good, (0, -6m, null)));
        yield return ("more phases than the connector has", 1, WithPeriods(Good, (0, 6m, 3)));
        yield return ("zero phases", 1, WithPeriods(Good, (0, 6m, 0)));
        yield return ("a unit the station does not allow", 1, Good.InWatts());
    }

    [Fact]
    public async Task Each_broken_rule_is_Rejected_and_nothing_is_installed()
    {
        // Only Current is allowed here, so that a schedule in W breaks ChargingScheduleAllowedChargingRateUnit.
        var model = StationModel.Tsct2007Cp with
        {
            Configuration = new Dictionary<string, ConfigurationKeyModel>(StationModel.Tsct2007Cp.Configuration)
            {
                ["ChargingScheduleAllowedChargingRateUnit"] = new() { Value = "Current" },
            },
        };
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine) with { Model = model });
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        var answers = new List<string>();

        foreach (var (rule, connectorId, profile) in Cases(harness.Clock.GetUtcNow()))
        {
            var sent = profile.TransactionId is 0 ? profile.ForTransaction(transactionId + 1) : profile;
            string answer;
            try
            {
                answer = (await session.SetAsync(connectorId, sent)).ToString();
            }
            catch (OcppCallErrorException error)
            {
                answer = $"CALLERROR {error.ErrorCode}";
            }

            var cleared = (await session.CallAsync(new ClearChargingProfileRequest()).OrTimeout()).Status;
            answers.Add($"{rule}: {answer}, clear {cleared}");
        }

        Assert.All(answers, a => Assert.EndsWith(": Rejected, clear Unknown", a, StringComparison.Ordinal));
        Assert.Equal([(0, 32m)], (await session.CompositeAsync(1, 300)).Periods());
        Assert.Null((await harness.AppliedAsync()).LimitA);

        // And the station still installs a good profile.
        Assert.Equal(ChargingProfileStatus.Accepted, await session.SetAsync(1, Good));
    }

    [Fact]
    public async Task One_profile_more_than_MaxChargingProfilesInstalled_is_Rejected_but_a_replacement_is_not()
    {
        var model = StationModel.Tsct2007Cp with
        {
            Configuration = new Dictionary<string, ConfigurationKeyModel>(StationModel.Tsct2007Cp.Configuration)
            {
                ["MaxChargingProfilesInstalled"] = new() { Value = "2" },
            },
        };
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine) with { Model = model });
        var session = await harness.BootAsync();
        await session.InstallAsync(1, Good);
        await session.InstallAsync(1, (Good with { ChargingProfileId = 8 }).AtLevel(1));

        Assert.Equal(ChargingProfileStatus.Rejected, await session.SetAsync(1, (Good with { ChargingProfileId = 9 }).AtLevel(2)));
        Assert.Equal(ChargingProfileStatus.Accepted, await session.SetAsync(1, WithPeriods(Good with { ChargingProfileId = 9 }, (0, 5m, null)).AtLevel(1)));
        Assert.Equal([(0, 5m)], (await session.CompositeAsync(1, 300)).Periods());
    }

    [Fact]
    public async Task GetCompositeSchedule_for_an_unknown_connector_or_a_negative_duration_is_Rejected()
    {
        await using var harness = await StationHarness.StartAsync(Scenarios.CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();

        Assert.Equal(GetCompositeScheduleStatus.Rejected, (await session.CompositeAsync(2, 300)).Status);
        Assert.Equal(GetCompositeScheduleStatus.Accepted, (await session.CompositeAsync(0, 0)).Status);
        Assert.Equal([(0, 32m)], (await session.CompositeAsync(1, 0)).Periods());
    }
}
