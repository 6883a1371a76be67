namespace Station.Connection;

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
