namespace Station.SmartCharging;

/// <summary>A charging profile store that forgets everything with the process (embedding without a database, tests).</summary>
public sealed class InMemoryChargingProfileStore : IChargingProfileStore
{
    private IReadOnlyList<InstalledProfile> _profiles = [];

    /// <inheritdoc/>
    public IReadOnlyList<InstalledProfile> Load() => Volatile.Read(ref _profiles);

    /// <inheritdoc/>
    public void Save(IReadOnlyCollection<InstalledProfile> profiles) => Volatile.Write(ref _profiles, [.. profiles]);
}
