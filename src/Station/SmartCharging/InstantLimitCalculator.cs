using Ocpp16.Messages;
using static Station.SmartCharging.ScheduleTime;

namespace Station.SmartCharging;

/// <summary>
/// The limit in force at one instant, for whatever applies it to the hardware: the same rules as
/// the composite schedule, plus the instant of the next change so that one timer suffices.
/// </summary>
public static class InstantLimitCalculator
{
    /// <summary>
    /// The limit of connector <paramref name="connectorId"/> (0: the station's total) at
    /// <paramref name="now"/>. Without a transaction a Relative schedule is read as if a transaction
    /// started at this instant, its first period, so it never moves the next change.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The station has no such connector.</exception>
    public static ConnectorLimit At(
        InstalledProfileSet installed, StationSituation station, int connectorId, DateTimeOffset now, ChargingRateUnitType unit = ChargingRateUnitType.A)
    {
        if (connectorId < 0 || connectorId > station.Connectors.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(connectorId), connectorId, $"the station has connectors 0..{station.Connectors.Count}");
        }

        var at = Seconds(now);
        var sweep = new LimitSweep(installed, station, connectorId, unit, anchorWithoutTransaction: null, at, Forever);
        var current = sweep.Sample(at);

        // Recurring profiles are laid out a week and a day ahead; past that the search stops and the caller reads again.
        var laidOut = sweep.ContinuesAfter;
        long? next = laidOut;
        foreach (var boundary in sweep.Boundaries(at, laidOut ?? Forever))
        {
            // A boundary where nothing visible changes (a lower stack level ending under a higher one) is no change.
            if (sweep.Sample(boundary) != current)
            {
                next = boundary;
                break;
            }
        }

        return new ConnectorLimit(current.Limit, unit, current.NumberPhases, current.MinChargingRate, current.FromProfile, next is { } n ? Instant(n) : null);
    }

    /// <summary>
    /// The station's ChargePointMaxProfile limit at <paramref name="now"/> (what all connectors
    /// together may draw), or null when no such profile is in force. Its changes are among the
    /// boundaries <see cref="At"/> reports for every connector.
    /// </summary>
    public static decimal? StationMaxAt(InstalledProfileSet installed, StationSituation station, DateTimeOffset now, ChargingRateUnitType unit = ChargingRateUnitType.A)
    {
        // The usual case, no station maximum installed, costs no sweep of every connector's profiles.
        if (!installed.Any(p => p.ConnectorId == 0 && p.Purpose == ChargingProfilePurposeType.ChargePointMaxProfile))
        {
            return null;
        }

        var at = Seconds(now);
        return new LimitSweep(installed, station, 0, unit, anchorWithoutTransaction: null, at, Forever).StationMaxAt(at);
    }
}
