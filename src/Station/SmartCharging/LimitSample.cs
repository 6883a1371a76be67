namespace Station.SmartCharging;

/// <summary>The limit at one instant, in the unit asked for, rounded for the wire.</summary>
/// <param name="Limit">The limit, a multiple of 0.1.</param>
/// <param name="NumberPhases">The phases that may be used.</param>
/// <param name="MinChargingRate">The minChargingRate of the schedule that sets the transaction's limit, converted; null when none.</param>
/// <param name="FromProfile">Whether a profile limits here (false: the supply's own maximum).</param>
internal readonly record struct LimitSample(decimal Limit, int NumberPhases, decimal? MinChargingRate, bool FromProfile);
