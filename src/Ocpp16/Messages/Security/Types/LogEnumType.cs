using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The log GetLog asks for (security whitepaper LogEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<LogEnumType>))]
public enum LogEnumType
{
    /// <summary>DiagnosticsLog: the diagnostics log, as GetDiagnostics uploads it.</summary>
    DiagnosticsLog,

    /// <summary>SecurityLog: the log of security events (the whitepaper's security event list).</summary>
    SecurityLog,
}
