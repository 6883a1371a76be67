namespace Station.Connectors;

/// <summary>
/// How a block holds connectors without writing their state: the connector block applies the hold
/// and reports the status it leads to. Firmware Management holds them for an installation,
/// Reservation for a reserved idTag, Smart Charging when a limit withholds power.
/// </summary>
public interface IConnectorHolds
{
    /// <summary>Maintenance (a firmware installation): every connector is Unavailable and nothing may start, or that ends.</summary>
    void SetMaintenance(bool inMaintenance);

    /// <summary>A reservation holds connector <paramref name="connectorId"/> (Reserved while free), or no longer does.</summary>
    void SetReserved(int connectorId, bool reserved);

    /// <summary>
    /// A charging limit withholds power from connector <paramref name="connectorId"/> (a limit of 0, or
    /// below the schedule's minChargingRate): during a transaction it is SuspendedEVSE, or no longer is.
    /// </summary>
    void SetPowerWithheld(int connectorId, bool withheld);
}
