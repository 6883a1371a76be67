using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>
/// The station's smart charging capabilities, the configuration keys a Central System reads to
/// discover them (OCPP 1.6 §3.13.5, §9.4): a SetChargingProfile beyond them is Rejected.
/// </summary>
public sealed record SmartChargingLimits
{
    /// <summary>ChargeProfileMaxStackLevel: the highest stackLevel a profile may have (the lowest is 0).</summary>
    public required int ChargeProfileMaxStackLevel { get; init; }

    /// <summary>ChargingScheduleMaxPeriods: the most periods one schedule may have.</summary>
    public required int ChargingScheduleMaxPeriods { get; init; }

    /// <summary>MaxChargingProfilesInstalled: the most profiles installed at once, counted after replacement.</summary>
    public required int MaxChargingProfilesInstalled { get; init; }

    /// <summary>ChargingScheduleAllowedChargingRateUnit: the units a schedule may be written in.</summary>
    public required IReadOnlyList<ChargingRateUnitType> ChargingScheduleAllowedChargingRateUnit { get; init; }
}
