using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>The limit a connector (or, for connector 0, the station) must keep to now, and until when it holds.</summary>
/// <param name="Limit">The limit, a multiple of 0.1.</param>
/// <param name="Unit">The unit of <paramref name="Limit"/> and <paramref name="MinChargingRate"/>.</param>
/// <param name="NumberPhases">The phases that may be used.</param>
/// <param name="MinChargingRate">The minChargingRate of the schedule that sets the transaction's limit, if it has one (§7.13).</param>
/// <param name="FromProfile">Whether a profile limits (false: no profile applies and this is the connector's rating).</param>
/// <param name="NextChange">
/// The limit is the same until this instant, where it changes or must be read again; null when
/// nothing installed will ever change it. One deadline in virtual time, no polling.
/// </param>
public sealed record ConnectorLimit(
    decimal Limit, ChargingRateUnitType Unit, int NumberPhases, decimal? MinChargingRate, bool FromProfile, DateTimeOffset? NextChange)
{
    /// <summary>
    /// Whether the station must offer no energy (the connector is then SuspendedEVSE, §4.9): a limit
    /// of 0, or one below the minChargingRate at which §7.13 says charging is inefficient.
    /// </summary>
    public bool IsSuspended => Limit <= 0 || (MinChargingRate is { } minimum && Limit < minimum);
}
