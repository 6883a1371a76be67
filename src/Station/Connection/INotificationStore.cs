namespace Station.Connection;

/// <summary>A notification persisted until the Central System answered it.</summary>
/// <param name="Sequence">Its place in the order of notifications.</param>
/// <param name="Action">The OCPP action.</param>
/// <param name="Payload">The request as JSON.</param>
public sealed record StoredNotification(long Sequence, string Action, string Payload);

/// <summary>
/// Where durable notifications (firmware and diagnostics status) wait for their answer, so that
/// neither being offline when they happen nor a power loss after it loses them.
/// </summary>
public interface INotificationStore
{
    /// <summary>Persists a notification; returns its sequence.</summary>
    long Add(string action, string payload);

    /// <summary>Removes an answered notification.</summary>
    void Remove(long sequence);

    /// <summary>Every notification not answered yet, oldest first.</summary>
    IReadOnlyList<StoredNotification> LoadAll();
}
