namespace Station.SmartCharging;

/// <summary>One period of a composite schedule.</summary>
/// <param name="StartPeriod">Seconds from the start of the composite schedule.</param>
/// <param name="Limit">The limit in the composite's unit, a multiple of 0.1.</param>
/// <param name="NumberPhases">The phases that may be used.</param>
public sealed record CompositePeriod(int StartPeriod, decimal Limit, int NumberPhases);
