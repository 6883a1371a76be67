using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Station.Authorization;
using Station.Configuration;
using Station.Hardware;
using Station.Runtime;

namespace Station.Transactions;

/// <summary>
/// What the Central System's answers to transaction messages mean for the transactions: the
/// transactionId a StartTransaction gets, the idTagInfo that updates the cache, and an idTag
/// declared invalid after the start (StopTransactionOnInvalidId, MaxEnergyOnInvalidId, C-03).
/// </summary>
internal sealed class TransactionConfirmations : IOutboxListener
{
    private readonly TransactionService _transactions;
    private readonly IReadOnlyList<IConnectorHardware> _hardware;
    private readonly AuthorizationService _authorization;
    private readonly IStationConfiguration _configuration;
    private readonly StationRuntime _runtime;
    private readonly ILogger _logger;
    private readonly StationTimer[] _energyLimits;

    public TransactionConfirmations(
        TransactionService transactions, IReadOnlyList<IConnectorHardware> hardware, AuthorizationService authorization, IStationConfiguration configuration, StationRuntime runtime, ILogger logger)
    {
        _transactions = transactions;
        _hardware = hardware;
        _authorization = authorization;
        _configuration = configuration;
        _runtime = runtime;
        _logger = logger;
        _energyLimits = [.. Enumerable.Range(0, hardware.Count + 1)
            .Select(id => runtime.CreateTimer($"MaxEnergyOnInvalidId of connector {id}", _ => CheckEnergyLimitAsync(id)))];
    }

    public async Task OnDeliveredAsync(OutboxMessage message, IOcppRequest request, IOcppResponse response, CancellationToken cancellationToken)
    {
        using (await _runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (request, response)
            {
                case (StartTransactionRequest start, StartTransactionResponse started):
                    _authorization.Remember(start.IdTag, started.IdTagInfo);
                    if (_transactions.Active.FirstOrDefault(t => t.LocalId == message.LocalTransactionId) is { } transaction)
                    {
                        await ConfirmAsync(transaction, started).ConfigureAwait(false);
                    }

                    break;
                case (StopTransactionRequest { IdTag: { } idTag }, StopTransactionResponse { IdTagInfo: { } info }):
                    _authorization.Remember(idTag, info);
                    break;
            }
        }
    }

    private async Task ConfirmAsync(Transaction transaction, StartTransactionResponse started)
    {
        transaction.TransactionId = started.TransactionId;
        transaction.ParentIdTag = started.IdTagInfo.ParentIdTag ?? transaction.ParentIdTag;
        TransactionsLog.Confirmed(_logger, transaction.LocalId, started.TransactionId, started.IdTagInfo.Status);
        if (started.IdTagInfo.Status == AuthorizationStatus.Accepted)
        {
            return;
        }

        if (_configuration.GetBool(CoreKeys.StopTransactionOnInvalidId))
        {
            TransactionsLog.InvalidatedStopping(_logger, transaction.LocalId, transaction.IdTag, started.IdTagInfo.Status);
            await _transactions.StopAsync(transaction, Reason.DeAuthorized).ConfigureAwait(false);
            return;
        }

        // C-03: keep the transaction; deliver at most MaxEnergyOnInvalidId more, then withhold power (SuspendedEVSE).
        var allowance = _configuration.GetInt(CoreKeys.MaxEnergyOnInvalidId);
        TransactionsLog.InvalidatedSuspending(_logger, transaction.LocalId, transaction.IdTag, started.IdTagInfo.Status, allowance);
        transaction.EnergyLimitWh = Meter(transaction).EnergyActiveImportWh + allowance;
        if (allowance <= 0)
        {
            await _transactions.SuspendAsync(transaction).ConfigureAwait(false);
            return;
        }

        WatchEnergyLimit(transaction);
    }

    // Wakes when the allowance should be used up at the present power; the meter checkpoint backs it up.
    private void WatchEnergyLimit(Transaction transaction)
    {
        var reading = Meter(transaction);
        var remainingWh = transaction.EnergyLimitWh!.Value - reading.EnergyActiveImportWh;
        var due = reading.PowerActiveImportW > 0
            ? TimeSpan.FromMilliseconds(Math.Ceiling(remainingWh / reading.PowerActiveImportW * 3_600_000) + 1) // just past, not just before
            : TimeSpan.FromSeconds(30);
        _energyLimits[transaction.ConnectorId].Start(due);
    }

    private async Task CheckEnergyLimitAsync(int connectorId)
    {
        if (_transactions.On(connectorId) is not { EnergyLimitWh: { } limit, SuspendedByStation: false } transaction)
        {
            return;
        }

        if (Meter(transaction).EnergyActiveImportWh >= limit)
        {
            await _transactions.SuspendAsync(transaction).ConfigureAwait(false);
        }
        else
        {
            WatchEnergyLimit(transaction);
        }
    }

    private MeterReading Meter(Transaction transaction) => _hardware[transaction.ConnectorId - 1].Meter.Read();
}
