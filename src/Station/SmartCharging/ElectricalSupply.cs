namespace Station.SmartCharging;

/// <summary>
/// What a connector can deliver: the figures that convert a limit between A and W and stand in
/// for "no limit" where no profile applies.
/// </summary>
/// <param name="Voltage">Nominal voltage per phase (phase to neutral) in V; the DC output voltage for DC.</param>
/// <param name="Phases">The phases the connector uses, 1 to 3.</param>
/// <param name="MaxCurrent">The rated current per phase in A.</param>
public sealed record ElectricalSupply(decimal Voltage, int Phases, decimal MaxCurrent);
