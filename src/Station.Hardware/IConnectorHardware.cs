namespace Station.Hardware;

/// <summary>The hardware of one connector, as the station drives it.</summary>
public interface IConnectorHardware
{
    /// <summary>The OCPP connector id, from 1.</summary>
    int ConnectorId { get; }

    /// <summary>The relay that switches power to the connector.</summary>
    IContactor Contactor { get; }

    /// <summary>The energy meter of the connector.</summary>
    IEnergyMeter Meter { get; }

    /// <summary>The cable lock, or null for a fixed cable.</summary>
    IConnectorLock? Lock { get; }

    /// <summary>What the connector offers the EV (the pilot signal), or null when the hardware cannot limit it.</summary>
    IPowerController? PowerController => null;
}
