using System.Diagnostics;
using System.Runtime;

namespace Station.Benchmarks.EndToEnd;

/// <summary>The process's memory and threads after a full, compacting, blocking garbage collection.</summary>
internal sealed record ProcessSnapshot(long ManagedHeapBytes, long WorkingSetBytes, long PrivateBytes, int Threads, int ThreadPoolThreads, int OpenFiles)
{
    public static ProcessSnapshot Take()
    {
        for (var i = 0; i < 3; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new ProcessSnapshot(heap, process.WorkingSet64, process.PrivateMemorySize64, process.Threads.Count, ThreadPool.ThreadCount, CountOpenFiles());
    }

    /// <summary>What each of <paramref name="count"/> items added, from <paramref name="before"/> to this snapshot.</summary>
    public string PerItem(ProcessSnapshot before, int count) =>
        $"managed heap {Kb(ManagedHeapBytes - before.ManagedHeapBytes, count)}, working set {Kb(WorkingSetBytes - before.WorkingSetBytes, count)}, " +
        $"private {Kb(PrivateBytes - before.PrivateBytes, count)}, file descriptors {(double)(OpenFiles - before.OpenFiles) / count:0.0}";

    public override string ToString() =>
        $"managed heap {Mb(ManagedHeapBytes)}, working set {Mb(WorkingSetBytes)}, private {Mb(PrivateBytes)}, " +
        $"{Threads} threads ({ThreadPoolThreads} in the thread pool), {OpenFiles} open file descriptors";

    private static string Kb(long bytes, int count) => $"{bytes / 1024.0 / count:0.0} KB";

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";

    private static int CountOpenFiles()
    {
        try
        {
            return Directory.GetFileSystemEntries("/proc/self/fd").Length;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
