namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// Where the stations' SQLite files go: a fresh folder under the system's temporary folder, or
/// under <c>--data-dir</c> (to compare file systems: fsync on ext4 versus tmpfs). Deleted at the end.
/// </summary>
internal sealed class DataDirectory : IDisposable
{
    public DataDirectory(string? parent)
    {
        Path = System.IO.Path.Combine(parent ?? System.IO.Path.GetTempPath(), "ocpp-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        FileSystem = FileSystemOf(Path);
    }

    public string Path { get; }

    /// <summary>The file system type holding <see cref="Path"/> (Linux), e.g. ext4 or tmpfs; "unknown" elsewhere.</summary>
    public string FileSystem { get; }

    public string For(string stationId) => System.IO.Path.Combine(Path, stationId);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment; the system cleans its temporary folder.
        }
    }

    private static bool IsUnder(string path, string mount) =>
        path == mount || path.StartsWith(mount.TrimEnd('/') + "/", StringComparison.Ordinal);

    // The longest mount point of /proc/mounts that contains the path.
    private static string FileSystemOf(string path)
    {
        try
        {
            var full = System.IO.Path.GetFullPath(path);
            var best = (Mount: string.Empty, Type: "unknown");
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var parts = line.Split(' ');
                if (parts.Length > 2 && IsUnder(full, parts[1]) && parts[1].Length > best.Mount.Length)
                {
                    best = (parts[1], $"{parts[2]} ({parts[0]} on {parts[1]})");
                }
            }

            return best.Type;
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
