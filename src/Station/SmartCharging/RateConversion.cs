using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>
/// Limits between A and W. A limit in A is the current per phase, one in W the total power
/// (§7.14, §3.13.7): W = A x V x phases, A = W / (V x phases), with the voltage per phase and the
/// phases that may be used. The arithmetic is exact decimal; only the reported figure is rounded.
/// </summary>
public static class RateConversion
{
    /// <summary>The phases a period may use: its numberPhases (3 when absent, §7.14), never more than the supply has.</summary>
    public static int PhasesUsed(int? numberPhases, int supplyPhases) => Math.Clamp(Math.Min(numberPhases ?? 3, supplyPhases), 1, 3);

    /// <summary><paramref name="limit"/> in <paramref name="from"/> expressed in <paramref name="to"/>.</summary>
    public static decimal Convert(decimal limit, ChargingRateUnitType from, ChargingRateUnitType to, decimal voltage, int phases) =>
        (from, to) switch
        {
            (ChargingRateUnitType.A, ChargingRateUnitType.W) => limit * voltage * phases,
            (ChargingRateUnitType.W, ChargingRateUnitType.A) => limit / (voltage * phases),
            _ => limit,
        };

    /// <summary>
    /// The figure for the wire, which carries one decimal (multipleOf 0.1): truncated, so that a
    /// converted limit never exceeds the limit it came from (§3.13.3: "less than or equal to").
    /// </summary>
    public static decimal ToTenths(decimal value) => decimal.Truncate(value * 10m) / 10m;
}
