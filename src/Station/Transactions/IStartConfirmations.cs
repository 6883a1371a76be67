namespace Station.Transactions;

/// <summary>
/// For a handler of a Central System CALL that names a transactionId the station may have been given a
/// moment ago: the StartTransaction's answer is read before any CALL the Central System sent after it,
/// but applied a commit later, so until then the id is unknown here (RemoteStopTransaction,
/// SetChargingProfile with a TxProfile).
/// </summary>
public interface IStartConfirmations
{
    /// <summary>Completes when the StartTransaction being delivered now, if any, has been answered and applied (or its delivery failed).</summary>
    Task StartTransactionDelivered { get; }
}
