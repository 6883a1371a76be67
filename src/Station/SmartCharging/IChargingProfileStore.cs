namespace Station.SmartCharging;

/// <summary>Where the Smart Charging block keeps the installed charging profiles across a reboot or a power loss.</summary>
public interface IChargingProfileStore
{
    /// <summary>The installed profiles in installation order; empty before anything was stored.</summary>
    IReadOnlyList<InstalledProfile> Load();

    /// <summary>Replaces the stored profiles with <paramref name="profiles"/>, all or nothing; durable when it returns.</summary>
    void Save(IReadOnlyCollection<InstalledProfile> profiles);
}
