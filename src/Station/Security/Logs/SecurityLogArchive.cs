using System.Globalization;
using System.IO.Compression;
using System.Text;
using Station.Diagnostics;
using Station.Security.Events;

namespace Station.Security.Logs;

/// <summary>
/// The security log as GetLog uploads it: a zip archive with one <c>security.log</c>, a line per
/// event (time it happened, type, techInfo), oldest first. The entries are the whitepaper's events
/// as they were reported, so nothing secret is in them.
/// </summary>
internal sealed class SecurityLogArchive(SecurityEventsService events) : IDiagnosticsArchive
{
    /// <summary>The name of the log inside the archive.</summary>
    public const string FileName = "security.log";

    public DateTimeOffset? OldestEntryAt()
    {
        var entries = events.Entries();
        return entries.Count == 0 ? null : entries[0].Timestamp;
    }

    public async Task<int> WriteArchiveAsync(string archivePath, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        var entries = events.Entries(from, to);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(archivePath))!);
        var archive = new FileStream(archivePath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await using (archive.ConfigureAwait(false))
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Create);
            var output = new StreamWriter(zip.CreateEntry(FileName, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            await using (output.ConfigureAwait(false))
            {
                foreach (var entry in entries)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var at = entry.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                    await output.WriteLineAsync($"{at} {entry.Type}{(entry.TechInfo is { } info ? " " + info : string.Empty)}".AsMemory(), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return entries.Count;
    }
}
