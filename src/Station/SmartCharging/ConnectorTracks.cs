using Ocpp16.Messages;
using static Station.SmartCharging.ScheduleTime;

namespace Station.SmartCharging;

/// <summary>
/// The transaction-level profiles that apply to one connector: its TxProfiles (only those of its
/// running transaction) and the TxDefaultProfiles of connector 0 and of the connector itself.
/// </summary>
internal sealed class ConnectorTracks
{
    private readonly List<ProfileTrack> _txProfiles = [];
    private readonly List<ProfileTrack> _txDefaults = [];

    // anchorWithoutTransaction: where relative schedules start when no transaction runs (see ProfileTimeline).
    public ConnectorTracks(InstalledProfileSet installed, ConnectorSituation connector, long? anchorWithoutTransaction, long from, long to)
    {
        Connector = connector;
        var transaction = connector.Transaction;
        // §7.9 Relative: "relative to a situation-specific start point (such as the start of a session)".
        var anchor = transaction is not null ? Seconds(transaction.Start) : anchorWithoutTransaction;
        foreach (var installedProfile in installed)
        {
            switch (installedProfile.Purpose)
            {
                // §3.13.1: a TxDefaultProfile on connector 0 applies to all connectors, one on connector n to that one.
                case ChargingProfilePurposeType.TxDefaultProfile when installedProfile.ConnectorId == 0 || installedProfile.ConnectorId == connector.ConnectorId:
                    _txDefaults.Add(new ProfileTrack(installedProfile, anchor, from, to));
                    break;

                // §3.13.1: a TxProfile applies "for the duration of the current transaction only"; the transactionId,
                // when the profile has one, must be that transaction's (§5.16). Without a transaction it does not apply.
                case ChargingProfilePurposeType.TxProfile when installedProfile.ConnectorId == connector.ConnectorId
                                                               && transaction is not null
                                                               && (installedProfile.Profile.TransactionId is not { } id || id == transaction.TransactionId):
                    _txProfiles.Add(new ProfileTrack(installedProfile, anchor, from, to));
                    break;
            }
        }
    }

    public ConnectorSituation Connector { get; }

    public IEnumerable<ProfileTrack> Tracks => _txProfiles.Concat(_txDefaults);

    /// <summary>
    /// The transaction-level segment in force at <paramref name="at"/>. §3.13.1: a TxProfile that is
    /// present "SHALL overrule the default charging profile with purpose TxDefaultProfile"; it is
    /// present while valid (validFrom, validTo), even where its own schedule has ended. TC_066
    /// expects exactly that: after its TxProfile's 260 s only the ChargePointMaxProfile limits.
    /// </summary>
    public ScheduleSegment? TransactionLimitAt(long at)
    {
        var overruled = false;
        foreach (var track in _txProfiles)
        {
            overruled |= track.IsValidAt(at);
        }

        return Prevailing(overruled ? _txProfiles : _txDefaults, at);
    }

    /// <summary>
    /// §3.13.2: the prevailing profile of one purpose is the one with the highest stackLevel among
    /// those in force at the instant. One whose schedule has ended (its duration) does not prevail:
    /// "If you use Stacking without a duration, on the highest stack level, the Charge Point will
    /// never fall back to a lower stack level profile" (and TC_072). At equal stackLevel a
    /// connector's own TxDefaultProfile wins over connector 0's, which §3.13.1 says it replaces
    /// "only for that specific connector".
    /// </summary>
    public static ScheduleSegment? Prevailing(List<ProfileTrack> tracks, long at)
    {
        ScheduleSegment? best = null;
        ProfileTrack? bestTrack = null;
        foreach (var track in tracks)
        {
            if (track.At(at) is { } segment
                && (bestTrack is null
                    || track.StackLevel > bestTrack.StackLevel
                    || (track.StackLevel == bestTrack.StackLevel && track.ConnectorSpecific && !bestTrack.ConnectorSpecific)))
            {
                (best, bestTrack) = (segment, track);
            }
        }

        return best;
    }
}
