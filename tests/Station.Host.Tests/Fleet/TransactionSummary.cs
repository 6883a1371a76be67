namespace Station.Host.Tests.Fleet;

/// <summary>What a <see cref="TransactionRecord"/> holds: transactions, StopTransactions with reason PowerLoss, copies of a StopTransaction delivered again, MeterValues of transactions.</summary>
internal sealed record TransactionSummary(int Transactions, int PowerLossStops, int RedeliveredStops, int Samples);
