using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The messages TriggerMessage can ask for.</summary>
[JsonConverter(typeof(OcppEnumConverter<MessageTrigger>))]
public enum MessageTrigger
{
    /// <summary>BootNotification</summary>
    BootNotification,

    /// <summary>DiagnosticsStatusNotification</summary>
    DiagnosticsStatusNotification,

    /// <summary>FirmwareStatusNotification</summary>
    FirmwareStatusNotification,

    /// <summary>Heartbeat</summary>
    Heartbeat,

    /// <summary>MeterValues</summary>
    MeterValues,

    /// <summary>StatusNotification</summary>
    StatusNotification,
}
