using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>
/// The messages ExtendedTriggerMessage can ask for (security whitepaper MessageTriggerEnumType). Not the 1.6 <see cref="MessageTrigger"/>:
/// it adds LogStatusNotification and SignChargePointCertificate and has no DiagnosticsStatusNotification.
/// </summary>
[JsonConverter(typeof(OcppEnumConverter<MessageTriggerEnumType>))]
public enum MessageTriggerEnumType
{
    /// <summary>BootNotification</summary>
    BootNotification,

    /// <summary>LogStatusNotification</summary>
    LogStatusNotification,

    /// <summary>FirmwareStatusNotification (SignedFirmwareStatusNotification when the last update was a SignedUpdateFirmware).</summary>
    FirmwareStatusNotification,

    /// <summary>Heartbeat</summary>
    Heartbeat,

    /// <summary>MeterValues</summary>
    MeterValues,

    /// <summary>SignChargePointCertificate: a SignCertificate request with a new key pair's CSR.</summary>
    SignChargePointCertificate,

    /// <summary>StatusNotification</summary>
    StatusNotification,
}
