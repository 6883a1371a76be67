using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The error a connector reports in StatusNotification.</summary>
[JsonConverter(typeof(OcppEnumConverter<ChargePointErrorCode>))]
public enum ChargePointErrorCode
{
    /// <summary>ConnectorLockFailure</summary>
    ConnectorLockFailure,

    /// <summary>EVCommunicationError</summary>
    EVCommunicationError,

    /// <summary>GroundFailure</summary>
    GroundFailure,

    /// <summary>HighTemperature</summary>
    HighTemperature,

    /// <summary>InternalError</summary>
    InternalError,

    /// <summary>LocalListConflict</summary>
    LocalListConflict,

    /// <summary>NoError</summary>
    NoError,

    /// <summary>OtherError</summary>
    OtherError,

    /// <summary>OverCurrentFailure</summary>
    OverCurrentFailure,

    /// <summary>PowerMeterFailure</summary>
    PowerMeterFailure,

    /// <summary>PowerSwitchFailure</summary>
    PowerSwitchFailure,

    /// <summary>ReaderFailure</summary>
    ReaderFailure,

    /// <summary>ResetFailure</summary>
    ResetFailure,

    /// <summary>UnderVoltage</summary>
    UnderVoltage,

    /// <summary>OverVoltage</summary>
    OverVoltage,

    /// <summary>WeakSignal</summary>
    WeakSignal,
}
