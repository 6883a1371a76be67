namespace Station.Diagnostics;

/// <summary>What GetDiagnostics archives: the <see cref="StationTrace"/>, or a stand-in (tests make the archive step slow with one).</summary>
public interface IDiagnosticsArchive
{
    /// <summary>When the oldest entry kept was written; null while there is none.</summary>
    DateTimeOffset? OldestEntryAt();

    /// <summary>
    /// Writes the entries stamped from <paramref name="from"/> to <paramref name="to"/> (either open
    /// when null) into a zip archive at <paramref name="archivePath"/>; returns how many. With none
    /// the archive is left without entries.
    /// </summary>
    Task<int> WriteArchiveAsync(string archivePath, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default);
}
