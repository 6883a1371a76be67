using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.Triggers;

/// <summary>Log events of the remote trigger block (event ids 2800–2849).</summary>
internal static partial class TriggersLog
{
    [LoggerMessage(EventId = 2800, Level = LogLevel.Information, Message = "TriggerMessage {Message} (connector {ConnectorId}) accepted")]
    public static partial void Accepted(ILogger logger, MessageTrigger message, string connectorId);

    [LoggerMessage(EventId = 2801, Level = LogLevel.Information, Message = "TriggerMessage {Message} rejected: connector {ConnectorId} does not exist")]
    public static partial void Rejected(ILogger logger, MessageTrigger message, int connectorId);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Information, Message = "TriggerMessage {Message}: not implemented by this station")]
    public static partial void NotImplemented(ILogger logger, MessageTrigger message);

    [LoggerMessage(EventId = 2803, Level = LogLevel.Warning, Message = "Triggered {Action} not delivered: {Reason}")]
    public static partial void NotDelivered(ILogger logger, string action, string reason);

    [LoggerMessage(EventId = 2804, Level = LogLevel.Information, Message = "ExtendedTriggerMessage {Message} (connector {ConnectorId}) accepted")]
    public static partial void ExtendedAccepted(ILogger logger, string message, string connectorId);

    [LoggerMessage(EventId = 2805, Level = LogLevel.Information, Message = "ExtendedTriggerMessage {Message} rejected: {Reason}")]
    public static partial void ExtendedRejected(ILogger logger, string message, string reason);

    [LoggerMessage(EventId = 2806, Level = LogLevel.Information, Message = "ExtendedTriggerMessage {Message}: not implemented by this station")]
    public static partial void ExtendedNotImplemented(ILogger logger, string message);
}
