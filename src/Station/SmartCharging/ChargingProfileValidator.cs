using System.Globalization;
using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>
/// Whether a charging profile may be installed, as a pure function of the request, the station's
/// limits, its connectors and the profiles already installed. Each rule names the paragraph it
/// comes from; the first rule broken is the reason given. Nothing is installed here.
/// </summary>
public static class ChargingProfileValidator
{
    /// <summary>The verdict on a SetChargingProfile.req (§5.16, §3.13, §7.8, §7.13, §7.14).</summary>
    public static ProfileCheck CheckSetChargingProfile(
        SetChargingProfileRequest request, StationSituation station, SmartChargingLimits limits, InstalledProfileSet installed)
    {
        var connectorId = request.ConnectorId;
        var profile = request.CsChargingProfiles;
        if (connectorId < 0 || connectorId > station.Connectors.Count)
        {
            return Reject($"connectorId {connectorId} does not exist (the station has connectors 0..{station.Connectors.Count})");
        }

        return CheckPurposeOnConnector(profile, connectorId, station)
            ?? CheckProfile(profile, PhasesOf(station, connectorId), limits)
            ?? CheckCount(installed.CountAfterInstall(connectorId, profile), limits)
            ?? ProfileCheck.Accepted;
    }

    /// <summary>
    /// The verdict on the chargingProfile of a RemoteStartTransaction.req (§5.11, §5.16.2): it must be
    /// a TxProfile without a transactionId, since the transaction does not exist yet; it will be
    /// installed on the connector the transaction starts on (<paramref name="connectorId"/>, or any
    /// when the request names none).
    /// </summary>
    public static ProfileCheck CheckRemoteStartProfile(
        ChargingProfile profile, int? connectorId, StationSituation station, SmartChargingLimits limits, InstalledProfileSet installed)
    {
        if (profile.ChargingProfilePurpose != ChargingProfilePurposeType.TxProfile)
        {
            return Reject($"the profile of a RemoteStartTransaction must be a TxProfile, not a {profile.ChargingProfilePurpose} (§5.11, TC_060)");
        }

        if (profile.TransactionId is { } transactionId)
        {
            return Reject($"the profile of a RemoteStartTransaction must not carry a transactionId ({Text(transactionId)}): the transaction does not exist yet (§5.16.2)");
        }

        if (connectorId is { } id && (id < 1 || id > station.Connectors.Count))
        {
            return Reject($"connectorId {id} does not exist (the station has connectors 1..{station.Connectors.Count})");
        }

        var phases = connectorId is { } c ? PhasesOf(station, c) : PhasesOf(station, 0);
        var count = connectorId is { } on ? installed.CountAfterInstall(on, profile) : installed.Count + 1;
        return CheckProfile(profile, phases, limits) ?? CheckCount(count, limits) ?? ProfileCheck.Accepted;
    }

    // §3.13.1: which purpose may be installed where, and a TxProfile only for the running transaction.
    private static ProfileCheck? CheckPurposeOnConnector(ChargingProfile profile, int connectorId, StationSituation station)
    {
        switch (profile.ChargingProfilePurpose)
        {
            case ChargingProfilePurposeType.ChargePointMaxProfile when connectorId != 0:
                return Reject($"a ChargePointMaxProfile can only be set on connector 0, not on {connectorId} (§3.13.1)");
            case ChargingProfilePurposeType.ChargePointMaxProfile when profile.ChargingProfileKind == ChargingProfileKindType.Relative:
                // Relative means relative to a transaction start (§7.9); the station as a whole has none.
                return Reject("a ChargePointMaxProfile cannot be Relative: the station as a whole has no transaction to start from");
            case ChargingProfilePurposeType.TxProfile when connectorId == 0:
                return Reject("a TxProfile can only be set on a connector > 0, not on 0 (§3.13.1)");
            case ChargingProfilePurposeType.TxProfile:
                var transaction = station.Connector(connectorId)!.Transaction;
                if (transaction is null)
                {
                    return Reject($"a TxProfile needs a transaction on connector {connectorId} and none is running (§3.13.1, §5.16.4, TC_058_1)");
                }

                // §5.16: the Central System includes the transactionId to prevent a mismatch.
                if (profile.TransactionId is { } wanted && wanted != transaction.TransactionId)
                {
                    var running = transaction.TransactionId is { } t ? Text(t) : "not yet confirmed";
                    return Reject($"transactionId {Text(wanted)} is not the transaction on connector {connectorId} ({running}) (TC_058_2)");
                }

                return null;
            default:
                // §7.8: transactionId is "only valid if ChargingProfilePurpose is set to TxProfile".
                return profile.TransactionId is { } stray
                    ? Reject($"transactionId {Text(stray)} is only valid on a TxProfile, not on a {profile.ChargingProfilePurpose} (§7.8)")
                    : null;
        }
    }

    // Kind, validity and schedule rules that do not depend on where the profile goes.
    private static ProfileCheck? CheckProfile(ChargingProfile profile, int maxPhases, SmartChargingLimits limits)
    {
        if (profile.StackLevel < 0 || profile.StackLevel > limits.ChargeProfileMaxStackLevel)
        {
            return Reject($"stackLevel {profile.StackLevel} is outside 0..{limits.ChargeProfileMaxStackLevel} (§7.8, ChargeProfileMaxStackLevel)");
        }

        if (profile.ValidFrom is { } from && profile.ValidTo is { } to && to <= from)
        {
            return Reject($"validTo {Text(to)} is not after validFrom {Text(from)} (§7.8): the profile would never be valid");
        }

        return CheckKind(profile) ?? CheckSchedule(profile.ChargingSchedule, maxPhases, limits);
    }

    private static ProfileCheck? CheckKind(ChargingProfile profile)
    {
        var schedule = profile.ChargingSchedule;
        switch (profile.ChargingProfileKind)
        {
            case ChargingProfileKindType.Recurring when profile.RecurrencyKind is null:
                return Reject("a Recurring profile needs a recurrencyKind (Daily or Weekly) (§7.8, §7.37)");
            case ChargingProfileKindType.Recurring when schedule.StartSchedule is null:
                // §7.9: "the schedule restarts periodically at the first schedule period": from where, only startSchedule says.
                return Reject("a Recurring profile needs a startSchedule to recur from (§7.9, §7.13)");
            case ChargingProfileKindType.Relative when schedule.StartSchedule is { } start:
                // §7.9: Relative periods are relative to a point the Charge Point determines; a start of its own contradicts that.
                return Reject($"a Relative profile must not have a startSchedule ({Text(start)}) (§7.9)");
            default:
                // Absolute without startSchedule is tolerated: §7.13 reads it as "relative to start of charging",
                // and the certification's common smart charging profile (TC_056, TC_057, TC_059, TC_082) has none.
                return null;
        }
    }

    private static ProfileCheck? CheckSchedule(ChargingSchedule schedule, int maxPhases, SmartChargingLimits limits)
    {
        var periods = schedule.ChargingSchedulePeriod;
        if (!limits.ChargingScheduleAllowedChargingRateUnit.Contains(schedule.ChargingRateUnit))
        {
            var allowed = string.Join(",", limits.ChargingScheduleAllowedChargingRateUnit);
            return Reject($"chargingRateUnit {schedule.ChargingRateUnit} is not allowed (ChargingScheduleAllowedChargingRateUnit is {allowed})");
        }

        if (schedule.Duration is < 0)
        {
            return Reject($"duration {schedule.Duration} is negative (§7.13)");
        }

        if (schedule.MinChargingRate is < 0)
        {
            return Reject($"minChargingRate {Text(schedule.MinChargingRate.Value)} is negative (§7.13)");
        }

        if (periods.Count == 0)
        {
            return Reject("the schedule has no chargingSchedulePeriod (§7.13: 1..*)");
        }

        if (periods.Count > limits.ChargingScheduleMaxPeriods)
        {
            return Reject($"{periods.Count} periods exceed ChargingScheduleMaxPeriods {limits.ChargingScheduleMaxPeriods}");
        }

        if (periods[0].StartPeriod != 0)
        {
            return Reject($"the first startPeriod is {periods[0].StartPeriod}, it must be 0 (§5.16.4, §7.13)");
        }

        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            if (i > 0 && period.StartPeriod <= periods[i - 1].StartPeriod)
            {
                // §7.14: a startPeriod "also defines the stop time of the previous period", so they must increase.
                return Reject($"period {i} starts at {period.StartPeriod}, not after period {i - 1} at {periods[i - 1].StartPeriod} (§7.14)");
            }

            if (period.Limit < 0)
            {
                return Reject($"period {i} has a negative limit {Text(period.Limit)} (§7.14)");
            }

            if (period.NumberPhases is { } phases && (phases < 1 || phases > 3 || phases > maxPhases))
            {
                return Reject($"period {i} asks for numberPhases {phases}; the connector has {maxPhases} (§7.14)");
            }
        }

        return null;
    }

    private static ProfileCheck? CheckCount(int countAfterInstall, SmartChargingLimits limits) =>
        countAfterInstall > limits.MaxChargingProfilesInstalled
            ? Reject($"{countAfterInstall} profiles would exceed MaxChargingProfilesInstalled {limits.MaxChargingProfilesInstalled}")
            : null;

    // Connector 0 stands for the whole station: any phase count one of its connectors uses.
    private static int PhasesOf(StationSituation station, int connectorId) =>
        station.Connector(connectorId)?.Supply.Phases ?? station.EffectiveGridPhases;

    private static ProfileCheck Reject(string reason) => ProfileCheck.Rejected(reason);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
