using Ocpp16.Messages;
using static Station.SmartCharging.RateConversion;

namespace Station.SmartCharging;

/// <summary>
/// The limit of a connector (or, for connector 0, of the whole station) read at increasing
/// instants of a window, and the instants at which it may change. Shared by the composite
/// schedule and the limit now, so both answer the same question the same way.
/// </summary>
internal sealed class LimitSweep
{
    private readonly List<ProfileTrack> _stationMax = [];
    private readonly List<ConnectorTracks> _connectors = [];
    private readonly bool _wholeStation;
    private readonly decimal _gridVoltage;
    private readonly int _gridPhases;
    private readonly ChargingRateUnitType _unit;

    public LimitSweep(
        InstalledProfileSet installed, StationSituation station, int connectorId, ChargingRateUnitType unit, long? anchorWithoutTransaction, long from, long to)
    {
        (_wholeStation, _unit) = (connectorId == 0, unit);
        (_gridVoltage, _gridPhases) = (station.EffectiveGridVoltage, station.EffectiveGridPhases);
        foreach (var installedProfile in installed)
        {
            // §3.13.1: ChargePointMaxProfile lives on connector 0 only and limits the station as a whole.
            if (installedProfile.Purpose == ChargingProfilePurposeType.ChargePointMaxProfile && installedProfile.ConnectorId == 0)
            {
                _stationMax.Add(new ProfileTrack(installedProfile, anchorWithoutTransaction, from, to));
            }
        }

        var connectors = _wholeStation ? station.Connectors : [station.Connector(connectorId)!];
        foreach (var connector in connectors)
        {
            _connectors.Add(new ConnectorTracks(installed, connector, anchorWithoutTransaction, from, to));
        }
    }

    /// <summary>The earliest instant where a Recurring profile's laid-out occurrences stop; null when none are cut off.</summary>
    public long? ContinuesAfter =>
        AllTracks().Select(t => t.ContinuesAfter).Where(c => c is not null).DefaultIfEmpty(null).Min();

    /// <summary>The instants in (<paramref name="after"/>, <paramref name="before"/>) where the limit may change, sorted, distinct.</summary>
    public List<long> Boundaries(long after, long before)
    {
        var boundaries = new List<long>();
        foreach (var track in AllTracks())
        {
            // A TxProfile's validity matters even where it is not in force: while valid it overrules TxDefaultProfiles.
            track.AppendBoundaries(after, before, boundaries, withValidity: track.Purpose == ChargingProfilePurposeType.TxProfile);
        }

        boundaries.Sort();
        var distinct = 0;
        for (var i = 0; i < boundaries.Count; i++)
        {
            if (i == 0 || boundaries[i] != boundaries[distinct - 1])
            {
                boundaries[distinct++] = boundaries[i];
            }
        }

        boundaries.RemoveRange(distinct, boundaries.Count - distinct);
        return boundaries;
    }

    /// <summary>The limit at <paramref name="at"/>; instants must not decrease between calls.</summary>
    public LimitSample Sample(long at)
    {
        var stationMax = ConnectorTracks.Prevailing(_stationMax, at);
        return _wholeStation ? StationLimit(stationMax, at) : ConnectorLimit(_connectors[0].Connector, _connectors[0].TransactionLimitAt(at), stationMax);
    }

    /// <summary>
    /// The ChargePointMaxProfile limit prevailing at <paramref name="at"/> in this sweep's unit (at the
    /// grid connection's voltage and phases), or null when none is in force: the budget the connectors share.
    /// </summary>
    public decimal? StationMaxAt(long at) =>
        ConnectorTracks.Prevailing(_stationMax, at) is { } cap
            ? ToTenths(Convert(cap.Limit, cap.Unit, _unit, _gridVoltage, PhasesUsed(cap.NumberPhases, _gridPhases)))
            : null;

    /// <summary>
    /// §3.13.3: the composite is the minimum of the prevailing limits of the purposes, the
    /// transaction level (TxProfile or TxDefaultProfile) and ChargePointMaxProfile. Where no
    /// profile applies the connector may give all it has (§3.13.6: "as if no constraints apply").
    /// A profile limit above the connector's rating is reported as it is: a local limit may be taken
    /// into account (§2.2), but TC_066 in W expects the profile figures on any station.
    /// </summary>
    private LimitSample ConnectorLimit(ConnectorSituation connector, ScheduleSegment? transaction, ScheduleSegment? stationMax)
    {
        var supply = connector.Supply;
        if (transaction is null && stationMax is null)
        {
            var all = Convert(supply.MaxCurrent, ChargingRateUnitType.A, _unit, supply.Voltage, supply.Phases);
            return new LimitSample(ToTenths(all), supply.Phases, null, FromProfile: false);
        }

        // A period that may use fewer phases restricts all of them: the EV draws on those phases only.
        var phases = supply.Phases;
        foreach (var segment in (ReadOnlySpan<ScheduleSegment?>)[transaction, stationMax])
        {
            if (segment is { } s)
            {
                phases = PhasesUsed(s.NumberPhases, phases);
            }
        }

        var limit = decimal.MaxValue;
        foreach (var segment in (ReadOnlySpan<ScheduleSegment?>)[transaction, stationMax])
        {
            if (segment is { } s)
            {
                limit = Math.Min(limit, Convert(s.Limit, s.Unit, _unit, supply.Voltage, phases));
            }
        }

        var minimum = transaction is { MinChargingRate: { } rate } t ? ToTenths(Convert(rate, t.Unit, _unit, supply.Voltage, phases)) : (decimal?)null;
        return new LimitSample(ToTenths(limit), phases, minimum, FromProfile: true);
    }

    /// <summary>
    /// Connector 0 (§5.7: "the total expected power or current the Charge Point expects to consume
    /// from the grid"): the sum of what each connector may draw under its own transaction-level
    /// profiles (its rating where none applies), capped by ChargePointMaxProfile, which §3.13.3 makes
    /// "the limit for all connectors combined". In A the connectors' currents per phase are added as
    /// if all shared the same phases, the worst case for the grid connection.
    /// </summary>
    private LimitSample StationLimit(ScheduleSegment? stationMax, long at)
    {
        var sum = 0m;
        var fromProfile = stationMax is not null;
        foreach (var connector in _connectors)
        {
            var own = ConnectorLimitExact(connector.Connector, connector.TransactionLimitAt(at));
            sum += own.Limit;
            fromProfile |= own.FromProfile;
        }

        var phases = _gridPhases;
        if (stationMax is { } cap)
        {
            phases = PhasesUsed(cap.NumberPhases, phases);
            sum = Math.Min(sum, Convert(cap.Limit, cap.Unit, _unit, _gridVoltage, phases));
        }

        return new LimitSample(ToTenths(sum), phases, null, fromProfile);
    }

    // One connector's transaction-level limit, unrounded so that the station's sum is rounded once.
    private (decimal Limit, bool FromProfile) ConnectorLimitExact(ConnectorSituation connector, ScheduleSegment? transaction)
    {
        var supply = connector.Supply;
        return transaction is { } s
            ? (Convert(s.Limit, s.Unit, _unit, supply.Voltage, PhasesUsed(s.NumberPhases, supply.Phases)), true)
            : (Convert(supply.MaxCurrent, ChargingRateUnitType.A, _unit, supply.Voltage, supply.Phases), false);
    }

    private IEnumerable<ProfileTrack> AllTracks() => _stationMax.Concat(_connectors.SelectMany(c => c.Tracks));
}
