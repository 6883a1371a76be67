namespace Station.Security.Events;

/// <summary>
/// How full the station's memory and its storage are at one moment (<see cref="IResourceGauge"/>).
/// </summary>
/// <param name="MemoryUsedBytes">Memory in use (the process's view of the machine's memory load).</param>
/// <param name="MemoryLimitBytes">The load at which memory counts as getting full.</param>
/// <param name="StorageFreeBytes">Free space of the volume holding the data directory; null when unknown.</param>
/// <param name="StorageTotalBytes">Size of that volume; null when unknown.</param>
public sealed record ResourceReading(long MemoryUsedBytes, long MemoryLimitBytes, long? StorageFreeBytes, long? StorageTotalBytes)
{
    /// <summary>Storage counts as getting full below this share of the volume free.</summary>
    public const double StorageFreeShareLimit = 0.05;

    /// <summary>Whether memory is getting full.</summary>
    public bool MemoryGettingFull => MemoryLimitBytes > 0 && MemoryUsedBytes >= MemoryLimitBytes;

    /// <summary>Whether the storage is getting full.</summary>
    public bool StorageGettingFull => StorageFreeBytes is { } free && StorageTotalBytes is > 0 and var total && free < total * StorageFreeShareLimit;
}
