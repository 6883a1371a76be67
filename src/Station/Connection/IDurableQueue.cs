using Ocpp16.Messages;

namespace Station.Connection;

/// <summary>
/// Requests that must reach the Central System even across a power loss although they belong to
/// no transaction (firmware and diagnostics status notifications): persisted before they are
/// sent, delivered in order once online, retried like transaction messages.
/// </summary>
public interface IDurableQueue
{
    /// <summary>Persists <paramref name="request"/> and queues it for delivery.</summary>
    void Enqueue(IOcppRequest request);

    /// <summary>
    /// Completes once everything queued so far was delivered, or at once when the station is
    /// offline (or as soon as it goes offline): for a step that should follow its notification
    /// when it can, but must not wait for a connection.
    /// </summary>
    Task WaitUntilDeliveredAsync(CancellationToken cancellationToken = default);
}
