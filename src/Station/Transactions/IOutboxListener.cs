using Ocpp16.Messages;

namespace Station.Transactions;

/// <summary>Told what became of queued transaction messages.</summary>
public interface IOutboxListener
{
    /// <summary>The Central System answered <paramref name="request"/>.</summary>
    Task OnDeliveredAsync(OutboxMessage message, IOcppRequest request, IOcppResponse response, CancellationToken cancellationToken);
}
