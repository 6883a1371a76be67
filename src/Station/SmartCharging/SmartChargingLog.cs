using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>Log events of the Smart Charging block (event ids 3200–3249).</summary>
internal static partial class SmartChargingLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Charging profile {ProfileId} ({Purpose}, stack level {StackLevel}) installed on connector {ConnectorId}")]
    public static partial void Installed(ILogger logger, int profileId, ChargingProfilePurposeType purpose, int stackLevel, int connectorId);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Charging profile {ProfileId} for connector {ConnectorId} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, int profileId, int connectorId, string reason);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "ClearChargingProfile removed {Count} profile(s): {Status}")]
    public static partial void Cleared(ILogger logger, int count, ClearChargingProfileStatus status);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "GetCompositeSchedule for connector {ConnectorId} rejected: {Reason}")]
    public static partial void CompositeRejected(ILogger logger, int connectorId, string reason);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Information, Message = "Transaction on connector {ConnectorId} ended: {Count} TxProfile(s) removed")]
    public static partial void TxProfilesRemoved(ILogger logger, int connectorId, int count);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Information, Message = "Connector {ConnectorId}: charging limit {Limit} A on {Phases} phase(s){Suspended}")]
    public static partial void LimitApplied(ILogger logger, int connectorId, string limit, int phases, string suspended);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Information, Message = "{Count} charging profile(s) recovered from storage")]
    public static partial void Recovered(ILogger logger, int count);
}
