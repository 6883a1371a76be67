namespace Station.Connection;

/// <summary>A notification store that forgets at every restart (tests, stations without storage).</summary>
public sealed class InMemoryNotificationStore : INotificationStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, StoredNotification> _stored = [];
    private long _next;

    /// <inheritdoc/>
    public long Add(string action, string payload)
    {
        lock (_gate)
        {
            var sequence = ++_next;
            _stored[sequence] = new StoredNotification(sequence, action, payload);
            return sequence;
        }
    }

    /// <inheritdoc/>
    public void Remove(long sequence)
    {
        lock (_gate)
        {
            _stored.Remove(sequence);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredNotification> LoadAll()
    {
        lock (_gate)
        {
            return [.. _stored.Values];
        }
    }
}
