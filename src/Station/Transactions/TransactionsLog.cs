using Microsoft.Extensions.Logging;
using Ocpp16.Messages;

namespace Station.Transactions;

/// <summary>Log events of the transaction block (event ids 2300–2399).</summary>
internal static partial class TransactionsLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Connector {ConnectorId}: transaction {LocalId} started for {IdTag}, meterStart {MeterStart} Wh")]
    public static partial void Started(ILogger logger, int connectorId, long localId, string idTag, int meterStart);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Connector {ConnectorId}: transaction {LocalId} (id {TransactionId}) stopped, reason {Reason}, meterStop {MeterStop} Wh")]
    public static partial void Stopped(ILogger logger, int connectorId, long localId, int? transactionId, Reason reason, int meterStop);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Transaction {LocalId} was running at power loss; stopping it with reason PowerLoss, meterStop {MeterStop} Wh")]
    public static partial void RecoveredAfterPowerLoss(ILogger logger, long localId, int meterStop);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Connector {ConnectorId}: {IdTag} authorized, waiting for the cable")]
    public static partial void Authorized(ILogger logger, int connectorId, string idTag);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "Connector {ConnectorId}: authorization of {IdTag} ended ({Why})")]
    public static partial void AuthorizationEnded(ILogger logger, int connectorId, string idTag, string why);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Information, Message = "Transaction {LocalId} has transactionId {TransactionId}; idTag status {Status}")]
    public static partial void Confirmed(ILogger logger, long localId, int transactionId, AuthorizationStatus status);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Warning, Message = "Connector {ConnectorId}: the cable lock did not close; no transaction")]
    public static partial void LockFailed(ILogger logger, int connectorId);

    [LoggerMessage(EventId = 2307, Level = LogLevel.Information, Message = "idTag {IdTag} presented: stops its transaction on connector {ConnectorId}")]
    public static partial void CardStopsOwnTransaction(ILogger logger, string idTag, int connectorId);

    [LoggerMessage(EventId = 2312, Level = LogLevel.Information, Message = "idTag {IdTag} presented again: its authorization is withdrawn")]
    public static partial void CardWithdrawsAuthorization(ILogger logger, string idTag);

    [LoggerMessage(EventId = 2313, Level = LogLevel.Information, Message = "idTag {IdTag} ignored: no free connector and no transaction it could stop")]
    public static partial void CardIgnored(ILogger logger, string idTag);

    [LoggerMessage(EventId = 2314, Level = LogLevel.Information, Message = "idTag {IdTag} not authorized: {Status}")]
    public static partial void CardRefused(ILogger logger, string idTag, AuthorizationStatus status);

    [LoggerMessage(EventId = 2315, Level = LogLevel.Information, Message = "idTag {IdTag} stops the transaction of its group {ParentIdTag} on connector {ConnectorId}")]
    public static partial void CardStopsGroupTransaction(ILogger logger, string idTag, string parentIdTag, int connectorId);

    [LoggerMessage(EventId = 2316, Level = LogLevel.Information, Message = "idTag {IdTag} authorized, but no connector is free")]
    public static partial void CardWithoutConnector(ILogger logger, string idTag);

    [LoggerMessage(EventId = 2317, Level = LogLevel.Information, Message = "Remote start for {IdTag} refused by authorization: {Status}")]
    public static partial void RemoteStartRefused(ILogger logger, string idTag, AuthorizationStatus status);

    [LoggerMessage(EventId = 2308, Level = LogLevel.Debug, Message = "Delivered {Action} #{Sequence}")]
    public static partial void Delivered(ILogger logger, string action, long sequence);

    [LoggerMessage(EventId = 2309, Level = LogLevel.Warning, Message = "{Action} #{Sequence} failed (attempt {Attempts}): {Reason}; retrying in {Seconds} s")]
    public static partial void Retrying(ILogger logger, string action, long sequence, int attempts, string reason, double seconds);

    [LoggerMessage(EventId = 2310, Level = LogLevel.Error, Message = "{Action} #{Sequence} moved to the dead letters: {Reason}")]
    public static partial void Abandoned(ILogger logger, string action, long sequence, string reason);

    [LoggerMessage(EventId = 2311, Level = LogLevel.Information, Message = "Transaction {LocalId}: the Central System declared {IdTag} {Status}; stopping it (DeAuthorized)")]
    public static partial void InvalidatedStopping(ILogger logger, long localId, string idTag, AuthorizationStatus status);

    [LoggerMessage(EventId = 2318, Level = LogLevel.Information, Message = "Transaction {LocalId}: the Central System declared {IdTag} {Status}; suspending after {AllowanceWh} Wh more")]
    public static partial void InvalidatedSuspending(ILogger logger, long localId, string idTag, AuthorizationStatus status, int allowanceWh);

    [LoggerMessage(EventId = 2319, Level = LogLevel.Warning, Message = "A stored transactionData value is unreadable and left out of the StopTransaction: {Problem}")]
    public static partial void TransactionDataUnreadable(ILogger logger, string problem);

    [LoggerMessage(EventId = 2320, Level = LogLevel.Warning, Message = "{Action} #{Sequence} got no answer ({Reason}); kept, and the connection is dialled anew")]
    public static partial void NoAnswer(ILogger logger, string action, long sequence, string reason);

    [LoggerMessage(EventId = 2321, Level = LogLevel.Error, Message = "Transaction {LocalId} cannot reach the Central System: its StartTransaction #{Sequence} was refused too often; " +
        "{Dependents} queued message(s) of it and every later one go to the dead letters")]
    public static partial void TransactionAbandoned(ILogger logger, long localId, long sequence, int dependents);

    [LoggerMessage(EventId = 2322, Level = LogLevel.Warning, Message = "{Action} rejected: the registration is {Registration}; OCPP 1.6 §4.2 allows it only once Accepted")]
    public static partial void RemoteRequestWhileNotAccepted(ILogger logger, string action, string registration);

    [LoggerMessage(EventId = 2323, Level = LogLevel.Information, Message = "RemoteStartTransaction for {IdTag} on connector {ConnectorId} refused: the connector is reserved for another idTag")]
    public static partial void RemoteStartReserved(ILogger logger, string idTag, int connectorId);

    [LoggerMessage(EventId = 2325, Level = LogLevel.Error, Message = "No transaction started on connector {ConnectorId} for {IdTag}: " +
        "it could not be written to the station's database ({Reason}); nothing was sent")]
    public static partial void StartNotPersisted(ILogger logger, int connectorId, string idTag, string reason);

    [LoggerMessage(EventId = 2326, Level = LogLevel.Error, Message = "The outbox cannot write to the station's database ({Reason}); the message stays queued and is sent again in {Seconds} s")]
    public static partial void OutboxNotPersisted(ILogger logger, string reason, double seconds);

    [LoggerMessage(EventId = 2327, Level = LogLevel.Error, Message = "Connector {ConnectorId}: a reading of transaction {LocalId} could not be written to the station's database ({Reason}); " +
        "its meter values are not sent, the transaction goes on")]
    public static partial void SampleNotPersisted(ILogger logger, int connectorId, long localId, string reason);

    [LoggerMessage(EventId = 2328, Level = LogLevel.Error, Message = "Connector {ConnectorId}: the meter register could not be written to the station's database ({Reason}); " +
        "the meter values read with it are not sent")]
    public static partial void RegisterNotPersisted(ILogger logger, int connectorId, string reason);

    [LoggerMessage(EventId = 2329, Level = LogLevel.Error, Message = "Connector {ConnectorId}: the stop of transaction {LocalId} could not be written to the station's database ({Reason}); " +
        "the session ends, its StopTransaction is written and sent once the database takes it")]
    public static partial void StopNotPersisted(ILogger logger, int connectorId, long localId, string reason);

    [LoggerMessage(EventId = 2330, Level = LogLevel.Information, Message = "{Count} StopTransaction(s) that the full database refused are written now and queued")]
    public static partial void StopsPersistedLate(ILogger logger, int count);

    [LoggerMessage(EventId = 2331, Level = LogLevel.Debug, Message = "{Action} for transaction {TransactionId}: " +
        "no such transaction yet, waiting for the StartTransaction answer being applied")]
    public static partial void WaitsForStart(ILogger logger, string action, int transactionId);
}
