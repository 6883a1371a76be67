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

    /// <summary>The connectors; when given, they replace the built-in single connector.</summary>
    public IReadOnlyList<ConnectorConfig>? Connectors { get; init; }

    /// <summary>Configuration key defaults and ranges, merged over the built-in ones key by key.</summary>
    public IReadOnlyDictionary<string, ConfigurationKeyModel>? Configuration { get; init; }

    /// <summary>Settings of the simulated hardware.</summary>
    public SimulatorSettings? Simulator { get; init; }
}

/// <summary>Settings of the simulated hardware.</summary>
public sealed record SimulatorSettings
{
    /// <summary>The power the simulated EV draws while charging, in W; capped by the connector's rating.</summary>
    public double? EvPowerW { get; init; }
}

/// <summary>One connector in the configuration file; absent fields take the built-in connector's values.</summary>
public sealed record ConnectorConfig
{
    /// <summary>The connector type, e.g. cType2.</summary>
    public string? Type { get; init; }

    /// <summary>AC or DC.</summary>
    public CurrentType? Current { get; init; }

    /// <summary>Phases used.</summary>
    public int? Phases { get; init; }

    /// <summary>Nominal voltage per phase.</summary>
    public double? VoltageV { get; init; }

    /// <summary>Rated current per phase.</summary>
    public double? MaxCurrentA { get; init; }

    /// <summary>Whether the cable is fixed.</summary>
    public bool? FixedCable { get; init; }

    /// <summary>The connector model this describes.</summary>
    public ConnectorModel ToModel()
    {
        var defaults = new ConnectorModel();
        return new ConnectorModel
        {
            Type = Type ?? defaults.Type,
            Current = Current ?? defaults.Current,
            Phases = Phases ?? defaults.Phases,
            VoltageV = VoltageV ?? defaults.VoltageV,
            MaxCurrentA = MaxCurrentA ?? defaults.MaxCurrentA,
            FixedCable = FixedCable ?? defaults.FixedCable,
        };
    }
}
