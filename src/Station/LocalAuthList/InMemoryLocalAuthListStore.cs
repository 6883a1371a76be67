namespace Station.LocalAuthList;

/// <summary>A Local Authorization List store that forgets everything with the process (embedding without a database, tests).</summary>
public sealed class InMemoryLocalAuthListStore : ILocalAuthListStore
{
    private StoredLocalAuthList _list = StoredLocalAuthList.Empty;

    /// <summary>Makes the next writes fail, as a full or broken disk would (TC_043_3); nothing is stored then.</summary>
    public bool FailWrites { get; set; }

    /// <inheritdoc/>
    public StoredLocalAuthList Load() => Volatile.Read(ref _list);

    /// <inheritdoc/>
    public void Replace(int version, IReadOnlyList<LocalAuthListEntry> entries)
    {
        ThrowIfFailing();
        Volatile.Write(ref _list, new StoredLocalAuthList(version, [.. entries]));
    }

    /// <inheritdoc/>
    public void Update(int version, IReadOnlyList<LocalAuthListEntry> upserts, IReadOnlyList<string> removals)
    {
        ThrowIfFailing();
        var entries = Load().Entries.ToDictionary(e => e.IdTag, StringComparer.OrdinalIgnoreCase);
        foreach (var idTag in removals)
        {
            entries.Remove(idTag);
        }

        foreach (var entry in upserts)
        {
            entries.Remove(entry.IdTag);
            entries[entry.IdTag] = entry;
        }

        Volatile.Write(ref _list, new StoredLocalAuthList(version, [.. entries.Values]));
    }

    private void ThrowIfFailing()
    {
        if (FailWrites)
        {
            throw new IOException("the local authorization list store refuses writes (FailWrites)");
        }
    }
}
