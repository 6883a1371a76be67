namespace Station.Security.Events;

/// <summary>A security log that forgets everything with the process (tests, stations without storage).</summary>
public sealed class InMemorySecurityEventStore : ISecurityEventStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredSecurityEvent> _events = [];
    private long _next;

    /// <inheritdoc/>
    public long Add(string type, DateTimeOffset timestamp, string? techInfo, int capacity)
    {
        lock (_gate)
        {
            var sequence = ++_next;
            _events.Add(new StoredSecurityEvent(sequence, type, timestamp, techInfo, Delivered: false));
            while (_events.Count > Math.Max(capacity, 1))
            {
                var oldestDelivered = _events.FindIndex(e => e.Delivered);
                _events.RemoveAt(oldestDelivered >= 0 ? oldestDelivered : 0);
            }

            return sequence;
        }
    }

    /// <inheritdoc/>
    public void MarkDelivered(long sequence)
    {
        lock (_gate)
        {
            var index = _events.FindIndex(e => e.Sequence == sequence);
            if (index >= 0)
            {
                _events[index] = _events[index] with { Delivered = true };
            }
        }
    }

    /// <inheritdoc/>
    public (int Removed, long Sequence) ClearAndAdd(string type, DateTimeOffset timestamp, string? techInfo)
    {
        lock (_gate)
        {
            var removed = _events.RemoveAll(e => e.Delivered);
            var sequence = ++_next;
            _events.Add(new StoredSecurityEvent(sequence, type, timestamp, techInfo, Delivered: false));
            return (removed, sequence);
        }
    }

    /// <summary>Removes the entries whose notification was answered; returns how many.</summary>
    public int RemoveDelivered()
    {
        lock (_gate)
        {
            return _events.RemoveAll(e => e.Delivered);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredSecurityEvent> Undelivered()
    {
        lock (_gate)
        {
            return [.. _events.Where(e => !e.Delivered)];
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredSecurityEvent> Range(DateTimeOffset? from, DateTimeOffset? to)
    {
        lock (_gate)
        {
            return [.. _events.Where(e => (from is null || e.Timestamp >= from) && (to is null || e.Timestamp <= to))];
        }
    }
}
