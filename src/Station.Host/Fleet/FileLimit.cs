using System.Globalization;

namespace Station.Host.Fleet;

/// <summary>
/// The number of files this process may open (<c>ulimit -n</c>; .NET raises the soft limit to the
/// hard one at start), read from <c>/proc/self/limits</c>. Every station holds one socket, so a
/// fleet larger than the limit allows is refused at start rather than failing connections one by one.
/// </summary>
internal static class FileLimit
{
    /// <summary>Files the process needs besides the stations: the runtime, the database, the control API, the log.</summary>
    public const int Reserve = 256;

    /// <summary>The soft limit of open files, or null where it cannot be read (not Linux).</summary>
    public static long? Current()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return fields[0] == "unlimited" ? long.MaxValue : long.Parse(fields[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }

        return null;
    }

    /// <summary>Throws a usage error when <paramref name="stations"/> cannot all hold a connection under <paramref name="limit"/>.</summary>
    public static void Check(int stations, long? limit)
    {
        if (limit is { } files && stations + Reserve > files)
        {
            throw new UsageException(
                $"--stations {stations} needs about {stations + Reserve} open files (one socket per station and {Reserve} for the process) " +
                $"but this process may open {files} (ulimit -n); raise the limit or run several fleet processes with adjacent --first-index ranges " +
                $"of at most {Math.Max(0, files - Reserve)} stations each");
        }
    }
}
