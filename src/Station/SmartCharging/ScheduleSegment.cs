using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>
/// A stretch [Start, End) of time during which one profile is in force with one of its periods:
/// inside its validity and inside its schedule (its start, duration, recurrence).
/// </summary>
internal readonly record struct ScheduleSegment(long Start, long End, ChargingSchedulePeriod Period, ChargingSchedule Schedule)
{
    public decimal Limit => Period.Limit;

    public ChargingRateUnitType Unit => Schedule.ChargingRateUnit;

    public int? NumberPhases => Period.NumberPhases;

    public decimal? MinChargingRate => Schedule.MinChargingRate;
}
