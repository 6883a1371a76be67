namespace Station.Security.Connection;

/// <summary>A trial store that forgets with the process (tests, stations without a data directory).</summary>
public sealed class InMemorySecurityProfileStore : ISecurityProfileStore
{
    private SecurityProfileTrial? _trial;

    /// <inheritdoc/>
    public SecurityProfileTrial? Load() => Volatile.Read(ref _trial);

    /// <inheritdoc/>
    public void Save(SecurityProfileTrial? trial) => Volatile.Write(ref _trial, trial);
}
