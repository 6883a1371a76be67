using Ocpp16.Messages;

namespace Station.Model;

/// <summary>
/// What a station is: identity fields of its BootNotification, its connectors, and how it departs
/// from the built-in defaults of the configuration keys.
/// </summary>
public sealed record StationModel
{
    /// <summary>chargePointVendor (at most 20 characters).</summary>
    public required string Vendor { get; init; }

    /// <summary>chargePointModel (at most 20 characters).</summary>
    public required string Model { get; init; }

    /// <summary>chargePointSerialNumber (at most 25 characters).</summary>
    public string? SerialNumber { get; init; }

    /// <summary>chargeBoxSerialNumber (at most 25 characters).</summary>
    public string? ChargeBoxSerialNumber { get; init; }

    /// <summary>The firmware version installed at first start (at most 50 characters).</summary>
    public required string FirmwareVersion { get; init; }

    /// <summary>iccid of the modem (at most 20 characters).</summary>
    public string? Iccid { get; init; }

    /// <summary>imsi of the modem (at most 20 characters).</summary>
    public string? Imsi { get; init; }

    /// <summary>meterType (at most 25 characters).</summary>
    public string? MeterType { get; init; }

    /// <summary>meterSerialNumber (at most 25 characters).</summary>
    public string? MeterSerialNumber { get; init; }

    /// <summary>The connectors; connector n is at index n - 1.</summary>
    public required IReadOnlyList<ConnectorModel> Connectors { get; init; }

    /// <summary>Per-key changes to the built-in configuration defaults and ranges.</summary>
    public IReadOnlyDictionary<string, ConfigurationKeyModel> Configuration { get; init; } = new Dictionary<string, ConfigurationKeyModel>();

    /// <summary>
    /// Optional feature profiles this model does not have (e.g. LocalAuthListManagement): their
    /// blocks are left out, with their keys and handlers, and SupportedFeatureProfiles does not list them.
    /// </summary>
    public IReadOnlySet<FeatureProfile> DisabledProfiles { get; init; } = NoDisabledProfiles;

    // One instance, so that models differing in nothing else stay equal as records.
    private static readonly IReadOnlySet<FeatureProfile> NoDisabledProfiles = new HashSet<FeatureProfile>();

    /// <summary>The largest number of meter values in a StopTransaction's transactionData (ORS-8).</summary>
    public int StopTransactionMaxMeterValues { get; init; } = 4;

    /// <summary>
    /// The built-in model, the TSCT-2007CP of the founding certificate: one AC Type 1 connector with
    /// a fixed cable, one phase, and the limits of the certificate's settings table.
    /// </summary>
    public static StationModel Tsct2007Cp { get; } = new()
    {
        Vendor = "TaeSeongConTech",
        Model = "TSCT-2007CP",
        SerialNumber = "TSCT2007CP-0001",
        FirmwareVersion = "v1.0.0",
        MeterType = "AC meter",
        Connectors = [new ConnectorModel()],
        Configuration = new Dictionary<string, ConfigurationKeyModel>
        {
            // ORS-4..7: sample and heartbeat intervals between 10 and 60 s (0 turns sampling off).
            ["HeartbeatInterval"] = new() { Value = "60", Min = 10, Max = 60 },
            ["MeterValueSampleInterval"] = new() { Value = "60", Min = 10, Max = 60 },
        },
    };
}
