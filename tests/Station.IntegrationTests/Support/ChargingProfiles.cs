using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;

namespace Station.IntegrationTests.Support;

/// <summary>The profiles of the smart charging cases, and the calls they are sent with.</summary>
internal static class ChargingProfiles
{
    /// <summary>MaxTimeDeviation of the certification cases: the profiles start this long before now.</summary>
    public const int D = 5;

    public static ChargingProfile Profile(int id, ChargingProfilePurposeType purpose, params (int Start, decimal Limit)[] periods) => new()
    {
        ChargingProfileId = id,
        StackLevel = 0,
        ChargingProfilePurpose = purpose,
        ChargingProfileKind = ChargingProfileKindType.Absolute,
        ChargingSchedule = new ChargingSchedule
        {
            ChargingRateUnit = ChargingRateUnitType.A,
            ChargingSchedulePeriod = [.. periods.Select(p => new ChargingSchedulePeriod { StartPeriod = p.Start, Limit = p.Limit })],
        },
    };

    public static ChargingProfile StartingAt(this ChargingProfile p, DateTimeOffset start) =>
        p with { ChargingSchedule = p.ChargingSchedule with { StartSchedule = start } };

    public static ChargingProfile Lasting(this ChargingProfile p, int? seconds) =>
        p with { ChargingSchedule = p.ChargingSchedule with { Duration = seconds } };

    public static ChargingProfile AtLevel(this ChargingProfile p, int stackLevel) => p with { StackLevel = stackLevel };

    public static ChargingProfile Valid(this ChargingProfile p, DateTimeOffset? from, DateTimeOffset? to) => p with { ValidFrom = from, ValidTo = to };

    public static ChargingProfile InWatts(this ChargingProfile p) =>
        p with { ChargingSchedule = p.ChargingSchedule with { ChargingRateUnit = ChargingRateUnitType.W } };

    public static ChargingProfile WithPhases(this ChargingProfile p, int? phases) =>
        p with { ChargingSchedule = p.ChargingSchedule with { ChargingSchedulePeriod = [.. p.ChargingSchedule.ChargingSchedulePeriod.Select(x => x with { NumberPhases = phases })] } };

    public static ChargingProfile ForTransaction(this ChargingProfile p, int? transactionId) => p with { TransactionId = transactionId };

    /// <summary>The common profile of TC_056/057/059/082: Absolute without startSchedule, one period of 6 A (or 6000 W), one phase.</summary>
    public static ChargingProfile Common(ChargingProfilePurposeType purpose, ChargingRateUnitType unit = ChargingRateUnitType.A, int duration = 300) =>
        (unit == ChargingRateUnitType.W ? Profile(1, purpose, (0, 6000m)).InWatts() : Profile(1, purpose, (0, 6m))).Lasting(duration).WithPhases(1);

    public static async Task<ChargingProfileStatus> SetAsync(this StationSession session, int connectorId, ChargingProfile profile) =>
        (await session.CallAsync(new SetChargingProfileRequest { ConnectorId = connectorId, CsChargingProfiles = profile }).OrTimeout()).Status;

    /// <summary>Sets a profile and checks it was accepted (the memory state SetChargingProfile).</summary>
    public static async Task InstallAsync(this StationSession session, int connectorId, ChargingProfile profile)
    {
        var status = await session.SetAsync(connectorId, profile);
        if (status != ChargingProfileStatus.Accepted)
        {
            throw new InvalidOperationException($"SetChargingProfile {profile.ChargingProfileId} answered {status}");
        }
    }

    public static Task<GetCompositeScheduleResponse> CompositeAsync(this StationSession session, int connectorId, int duration, ChargingRateUnitType? unit = ChargingRateUnitType.A) =>
        session.CallAsync(new GetCompositeScheduleRequest { ConnectorId = connectorId, Duration = duration, ChargingRateUnit = unit }).OrTimeout();

    /// <summary>The periods of an accepted composite as (startPeriod, limit).</summary>
    public static IReadOnlyList<(int Start, decimal Limit)> Periods(this GetCompositeScheduleResponse composite) =>
        [.. composite.ChargingSchedule!.ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.Limit))];

    /// <summary>The connector's snapshot once the limit the last change asked for has been applied.</summary>
    public static async Task<ConnectorSnapshot> AppliedAsync(this StationHarness harness, int connectorId = 1)
    {
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        return (await harness.Station.SnapshotAsync(CancellationToken.None).OrTimeout()).Connectors[connectorId - 1];
    }
}
