using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.Connectors;

/// <summary>Log events of the connector block (event ids 2200–2249).</summary>
internal static partial class ConnectorsLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Connector {ConnectorId}: {Status} ({ErrorCode})")]
    public static partial void StatusChanged(ILogger logger, int connectorId, ChargePointStatus status, ChargePointErrorCode errorCode);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Connector {ConnectorId}: availability {Availability} answered {Status}")]
    public static partial void AvailabilityChanged(ILogger logger, int connectorId, AvailabilityType availability, AvailabilityStatus status);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Connector {ConnectorId}: scheduled availability {Availability} applied")]
    public static partial void ScheduledApplied(ILogger logger, int connectorId, AvailabilityType availability);
}
