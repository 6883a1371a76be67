namespace Station.Security.Events;

/// <summary>
/// The process's own view: the memory load the garbage collector sees against its high-load
/// threshold (90 % of the machine's or the container's memory by default), and the free space of
/// the volume that holds <paramref name="dataDirectory"/>.
/// </summary>
/// <param name="dataDirectory">The station's data directory; storage is not read when null.</param>
public sealed class ProcessResourceGauge(string? dataDirectory) : IResourceGauge
{
    /// <inheritdoc/>
    public ResourceReading Read()
    {
        var memory = GC.GetGCMemoryInfo();
        long? free = null;
        long? total = null;
        if (dataDirectory is not null && NearestExisting(Path.GetFullPath(dataDirectory)) is { } existing)
        {
            try
            {
                var drive = new DriveInfo(existing);
                (free, total) = (drive.AvailableFreeSpace, drive.TotalSize);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // An unreadable volume is no reading: a full disk still shows as failed writes.
            }
        }

        return new ResourceReading(memory.MemoryLoadBytes, memory.HighMemoryLoadThresholdBytes, free, total);
    }

    // The volume is read through a path on it, which must exist (on Linux a missing one throws
    // DriveNotFoundException): a fleet station's own directory is only created when it first needs
    // one, so the reading goes through the nearest directory above it that does exist.
    private static string? NearestExisting(string path)
    {
        for (var candidate = path; candidate is not null; candidate = Path.GetDirectoryName(candidate))
        {
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
