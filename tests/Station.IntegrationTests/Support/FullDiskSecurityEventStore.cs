using Microsoft.Data.Sqlite;
using Station.Security.Events;

namespace Station.IntegrationTests.Support;

/// <summary>
/// A security log on a disk that can fill up: while <see cref="Full"/> is set, every write fails as
/// SQLite fails on a full disk (SQLITE_FULL) and nothing is written; reads go on.
/// </summary>
internal sealed class FullDiskSecurityEventStore(ISecurityEventStore inner) : ISecurityEventStore
{
    private const int SqliteFull = 13;

    /// <summary>Whether the disk is full now.</summary>
    public bool Full { get; set; }

    public long Add(string type, DateTimeOffset timestamp, string? techInfo, int capacity) => Write(() => inner.Add(type, timestamp, techInfo, capacity));

    public void MarkDelivered(long sequence) => Write(() =>
    {
        inner.MarkDelivered(sequence);
        return 0;
    });

    public (int Removed, long Sequence) ClearAndAdd(string type, DateTimeOffset timestamp, string? techInfo) => Write(() => inner.ClearAndAdd(type, timestamp, techInfo));

    public IReadOnlyList<StoredSecurityEvent> Undelivered() => inner.Undelivered();

    public IReadOnlyList<StoredSecurityEvent> Range(DateTimeOffset? from, DateTimeOffset? to) => inner.Range(from, to);

    private T Write<T>(Func<T> write) => Full ? throw new SqliteException("SQLite Error 13: 'database or disk is full'.", SqliteFull) : write();
}
