using System.Globalization;

namespace Station.Benchmarks.Fleet;

/// <summary>
/// Resident memory and CPU time of a process and all its descendants, from <c>/proc</c> (Linux):
/// what the operating system charges to the fleet, native memory (SQLite, sockets' buffers in the
/// process, thread stacks) included, not only the GC heap.
/// </summary>
internal static class ProcessTree
{
    /// <summary>The RSS in bytes and the CPU seconds (user + system) of <paramref name="roots"/> and their descendants; zeros off Linux.</summary>
    public static (long RssBytes, double CpuSeconds) Measure(IReadOnlyCollection<int> roots)
    {
        if (!Directory.Exists("/proc/self"))
        {
            return (0, 0);
        }

        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } stat)
            {
                parents[pid] = stat.Parent;
            }
        }

        var tree = new HashSet<int>(roots.Where(parents.ContainsKey));
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
            {
                if (tree.Contains(parent) && tree.Add(pid))
                {
                    grew = true;
                }
            }
        }

        long rss = 0;
        double cpu = 0;
        foreach (var pid in tree)
        {
            rss += RssBytes(pid);
            cpu += Stat(pid)?.CpuSeconds ?? 0;
        }

        return (rss, cpu);
    }

    // /proc/PID/stat: "pid (comm) state ppid ... utime(14) stime(15)"; comm may hold spaces and parentheses, so split after the last ')'.
    private static (int Parent, double CpuSeconds)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            const double ticksPerSecond = 100; // USER_HZ on Linux
            return (int.Parse(fields[1], CultureInfo.InvariantCulture),
                (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ticksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            // Gone between the listing and the read.
            return null;
        }
    }

    private static long RssBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return 0;
    }
}
