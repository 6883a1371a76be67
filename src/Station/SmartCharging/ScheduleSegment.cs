using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>
/// A stretch [Start, End) of time during which one profile is in force with one of its periods:
/// inside its validity and inside its schedule (its start, duration, recurrence).
/// </summary>
internal readonly record struct ScheduleSegment(
    long Start, long End, decimal Limit, ChargingRateUnitType Unit, int? NumberPhases, decimal? MinChargingRate);
