using System.Globalization;
using Station.Runtime;

namespace Station.Security.Events;

/// <summary>
/// MemoryExhaustion before the writes fail: every <paramref name="interval"/> the gauge is read, and
/// memory at the garbage collector's high-load threshold or a volume with less than 5 % free is the
/// event (at most once a minute, like the failed writes of a full disk). A station keeps no history
/// of readings: a long high-load period reports again after each quiet minute, which is what a
/// Central System watching the station wants to see.
/// </summary>
/// <param name="gauge">Where the readings come from.</param>
/// <param name="interval">How often; zero turns the watch off.</param>
/// <param name="gettingFull">The rate-limited event.</param>
/// <param name="runtime">The station's runtime (its timers run under the station lock).</param>
internal sealed class ResourceWatch(IResourceGauge gauge, TimeSpan interval, RateLimitedSecurityEvent gettingFull, StationRuntime runtime)
{
    private StationTimer? _timer;

    /// <summary>Arms the watch (when the station starts).</summary>
    public void Start()
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        _timer ??= runtime.CreateTimer("memory and storage watch", Check);
        _timer.Start(interval, interval);
    }

    private void Check()
    {
        var reading = gauge.Read();
        if (reading.MemoryGettingFull)
        {
            gettingFull.Report(string.Create(
                CultureInfo.InvariantCulture, $"memory getting full: {reading.MemoryUsedBytes / (1024 * 1024)} MiB in use, high-load threshold {reading.MemoryLimitBytes / (1024 * 1024)} MiB"));
        }
        else if (reading.StorageGettingFull)
        {
            gettingFull.Report(string.Create(
                CultureInfo.InvariantCulture, $"storage getting full: {reading.StorageFreeBytes / (1024 * 1024)} MiB free of {reading.StorageTotalBytes / (1024 * 1024)} MiB"));
        }
    }
}
