using Ocpp16.Messages;
using Station.Hardware;

namespace Station.Transactions;

/// <summary>
/// Builds the values of a transaction's own boundaries for the StopTransaction's transactionData
/// (StopTxnSampledData with context Transaction.Begin and Transaction.End): the metering block
/// owns which measurands go there, the transaction block when they are taken.
/// </summary>
public interface ITransactionDataSource
{
    /// <summary>The Transaction.Begin value of a transaction starting on <paramref name="connectorId"/>, or null.</summary>
    MeterValue? BeginValue(int connectorId, MeterReading reading, DateTimeOffset at);

    /// <summary>The Transaction.End value of a transaction ending on <paramref name="connectorId"/>, or null.</summary>
    MeterValue? EndValue(int connectorId, MeterReading reading, DateTimeOffset at);

    /// <summary>
    /// Takes the values that fell due before now and still wait for the station lock (a clock-aligned
    /// value of a boundary just passed), before a start or stop reads the meter: such a value carries
    /// its boundary's time, so read after the start it would report more energy, at an earlier time,
    /// than the meterStart after it.
    /// </summary>
    Task SampleOverdueAsync();
}
