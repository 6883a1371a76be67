namespace Station.Security.Events;

/// <summary>
/// The security log: every security event, and which of them still owe their
/// SecurityEventNotification. Bounded: past its capacity the oldest delivered entries go first.
/// </summary>
public interface ISecurityEventStore
{
    /// <summary>Appends an event (not delivered yet), keeping at most <paramref name="capacity"/> entries; returns its sequence. Durable when it returns.</summary>
    /// <remarks>
    /// Dropping the oldest entries past the capacity (the log's rotation) is no SecurityLogWasCleared:
    /// it is the bound the log is documented with, nobody cleared anything, and an event for each
    /// rotated entry would itself rotate out another one, for ever. Only <see cref="ClearAndAdd"/> clears.
    /// </remarks>
    long Add(string type, DateTimeOffset timestamp, string? techInfo, int capacity);

    /// <summary>Marks an event's notification as answered: it is not sent again, and stays in the log.</summary>
    void MarkDelivered(long sequence);

    /// <summary>The events whose notification was not answered yet, oldest first.</summary>
    IReadOnlyList<StoredSecurityEvent> Undelivered();

    /// <summary>
    /// Clears the log and appends the event that tells it, in one step: a power cut never leaves a
    /// cleared log without its SecurityLogWasCleared, and sequences keep increasing. Removes every entry
    /// whose notification was answered and keeps the ones still owed to the Central System (they are
    /// its delivery queue too). Durable when it returns.
    /// </summary>
    /// <returns>How many entries were removed, and the sequence of the appended event.</returns>
    (int Removed, long Sequence) ClearAndAdd(string type, DateTimeOffset timestamp, string? techInfo);

    /// <summary>The log's entries stamped from <paramref name="from"/> to <paramref name="to"/> (either open when null), oldest first.</summary>
    IReadOnlyList<StoredSecurityEvent> Range(DateTimeOffset? from, DateTimeOffset? to);
}
