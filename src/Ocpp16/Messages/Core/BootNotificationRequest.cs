using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>BootNotification.req: the request that registers the Charge Point with the Central System after every (re)boot (§4.2).</summary>
public sealed record BootNotificationRequest : IOcppRequest<BootNotificationResponse>
{
    /// <summary>The vendor of the Charge Point.</summary>
    [JsonPropertyName("chargePointVendor")]
    [JsonConverter(typeof(CiString20Converter))]
    public required string ChargePointVendor { get; init; }

    /// <summary>The model of the Charge Point.</summary>
    [JsonPropertyName("chargePointModel")]
    [JsonConverter(typeof(CiString20Converter))]
    public required string ChargePointModel { get; init; }

    /// <summary>The serial number of the Charge Point.</summary>
    [JsonPropertyName("chargePointSerialNumber")]
    [JsonConverter(typeof(CiString25Converter))]
    public string? ChargePointSerialNumber { get; init; }

    /// <summary>The serial number of the charge box (deprecated by the specification; use chargePointSerialNumber).</summary>
    [JsonPropertyName("chargeBoxSerialNumber")]
    [JsonConverter(typeof(CiString25Converter))]
    public string? ChargeBoxSerialNumber { get; init; }

    /// <summary>The firmware version of the Charge Point.</summary>
    [JsonPropertyName("firmwareVersion")]
    [JsonConverter(typeof(CiString50Converter))]
    public string? FirmwareVersion { get; init; }

    /// <summary>The ICCID of the modem's SIM card.</summary>
    [JsonPropertyName("iccid")]
    [JsonConverter(typeof(CiString20Converter))]
    public string? Iccid { get; init; }

    /// <summary>The IMSI of the modem's SIM card.</summary>
    [JsonPropertyName("imsi")]
    [JsonConverter(typeof(CiString20Converter))]
    public string? Imsi { get; init; }

    /// <summary>The type of the main electrical meter.</summary>
    [JsonPropertyName("meterType")]
    [JsonConverter(typeof(CiString25Converter))]
    public string? MeterType { get; init; }

    /// <summary>The serial number of the main electrical meter.</summary>
    [JsonPropertyName("meterSerialNumber")]
    [JsonConverter(typeof(CiString25Converter))]
    public string? MeterSerialNumber { get; init; }
}
