using Station.Model;

namespace Station.Host.Run;

/// <summary>
/// The station configuration file (<c>--config</c>): identity, Central System, model, connectors,
/// configuration key defaults and simulator settings. Every field is optional; what is absent comes
/// from the built-in TSCT-2007CP profile.
/// </summary>
public sealed record StationConfigFile
{
    /// <summary>The charge point identity.</summary>
    public string? ChargePointId { get; init; }

    /// <summary>The Central System endpoint, ws:// or wss://.</summary>
    public string? CsmsUrl { get; init; }

    /// <summary>chargePointVendor.</summary>
    public string? Vendor { get; init; }

    /// <summary>chargePointModel.</summary>
    public string? Model { get; init; }

    /// <summary>chargePointSerialNumber.</summary>
    public string? SerialNumber { get; init; }

    /// <summary>chargeBoxSerialNumber.</summary>
    public string? ChargeBoxSerialNumber { get; init; }

    /// <summary>The firmware version at first start.</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>iccid.</summary>
    public string? Iccid { get; init; }

    /// <summary>imsi.</summary>
    public string? Imsi { get; init; }

    /// <summary>meterType.</summary>
    public string? MeterType { get; init; }

    /// <summary>meterSerialNumber.</summary>
    public string? MeterSerialNumber { get; init; }

    /// <summary>The most meter values in a StopTransaction's transactionData.</summary>
    public int? StopTransactionMaxMeterValues { get; init; }

    /// <summary>Optional feature profiles the station does not have, by their OCPP names (e.g. LocalAuthListManagement).</summary>
    public IReadOnlyList<string>? DisabledProfiles { get; init; }

    /// <summary>The connectors; when given, they replace the built-in single connector.</summary>
    public IReadOnlyList<ConnectorConfig>? Connectors { get; init; }

    /// <summary>Configuration key defaults and ranges, merged over the built-in ones key by key.</summary>
    public IReadOnlyDictionary<string, ConfigurationKeyModel>? Configuration { get; init; }

    /// <summary>Trusted roots and the charge point certificate (security whitepaper); SecurityProfile and AuthorizationKey go in <see cref="Configuration"/>.</summary>
    public SecurityConfig? Security { get; init; }

    /// <summary>Settings of the simulated hardware.</summary>
    public SimulatorSettings? Simulator { get; init; }
}
