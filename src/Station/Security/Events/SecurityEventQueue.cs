using Ocpp16.Messages;
using Station.Connection;
using Station.Transactions;

namespace Station.Security.Events;

/// <summary>
/// The security log seen as a notification store, so the security events are delivered exactly as
/// the firmware and diagnostics notifications are (<see cref="DurableNotifications"/>): persisted
/// first, sent in order once online, not sent again once answered. An answered event stays in the
/// log, marked delivered.
/// </summary>
internal sealed class SecurityEventQueue(ISecurityEventStore store, int capacity) : INotificationStore
{
    private static readonly string Action = OcppActions.SecurityEventNotification.Name;

    /// <summary>Adds an event to the log, to be sent with the next coming online.</summary>
    public long Add(SecurityEventNotificationRequest request) => store.Add(request.Type, request.Timestamp, request.TechInfo, capacity);

    /// <inheritdoc/>
    public long Add(string action, string payload)
    {
        // Only the security events block enqueues here, and only its own notifications.
        if (action == Action && OcppActions.SecurityEventNotification.Request.TryRead(System.Text.Encoding.UTF8.GetBytes(payload), out var read, out _))
        {
            return Add((SecurityEventNotificationRequest)read);
        }

        throw new ArgumentException($"not a SecurityEventNotification: {action}", nameof(action));
    }

    /// <inheritdoc/>
    public void Remove(long sequence) => store.MarkDelivered(sequence);

    /// <inheritdoc/>
    public IReadOnlyList<StoredNotification> LoadAll() =>
        [.. store.Undelivered().Select(e => new StoredNotification(e.Sequence, Action, TransactionOutbox.Encode(SecurityEventsService.Notification(e))))];
}
