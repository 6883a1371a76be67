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
        if (dataDirectory is not null)
        {
            try
            {
                var drive = new DriveInfo(Path.GetFullPath(dataDirectory));
                (free, total) = (drive.AvailableFreeSpace, drive.TotalSize);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // An unreadable volume is no reading: a full disk still shows as failed writes.
            }
        }

        return new ResourceReading(memory.MemoryLoadBytes, memory.HighMemoryLoadThresholdBytes, free, total);
    }
}
