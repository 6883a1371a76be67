namespace Station.Connectors;

/// <summary>Persists availability across reboots and power loss (pitfall 9, TC_013, TC_034).</summary>
public interface IAvailabilityStore
{
    /// <summary>All stored availabilities.</summary>
    IReadOnlyList<StoredAvailability> Load();

    /// <summary>Stores one connector's availability.</summary>
    void Save(StoredAvailability availability);
}
