namespace Station.Transactions;

/// <summary>A transaction message to deliver: an OCPP action and its request payload as JSON.</summary>
/// <param name="Action">StartTransaction, StopTransaction or MeterValues.</param>
/// <param name="Payload">The request as JSON; a transactionId the Central System has not assigned yet is filled in when sent.</param>
/// <param name="LocalTransactionId">The station's own id of the transaction the message belongs to.</param>
public sealed record OutboxMessage(string Action, string Payload, long? LocalTransactionId);
