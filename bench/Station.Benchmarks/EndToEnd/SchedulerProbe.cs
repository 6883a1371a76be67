using System.Diagnostics;
using System.Globalization;
using Station.Runtime;

namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// The clock every station of the memory command shares, and what it costs them while idle: the
/// timers created, the real timers behind them, the callbacks run, and the process's CPU time and
/// allocations over an idle window.
/// </summary>
internal sealed class SchedulerProbe : IDisposable
{
    private readonly TimerMultiplexer? _multiplexer;
    private readonly CountingTimeProvider? _counting;

    public SchedulerProbe(string scheduler)
    {
        Name = scheduler;
        if (scheduler == MemoryOptions.Multiplexed)
        {
            _multiplexer = new TimerMultiplexer(TimeProvider.System);
        }
        else
        {
            _counting = new CountingTimeProvider();
        }
    }

    public string Name { get; }

    public TimeProvider Clock => (TimeProvider?)_multiplexer ?? _counting!;

    private long Created => _multiplexer?.CreatedTimers ?? _counting!.CreatedTimers;

    private long Fired => _multiplexer?.FiredCallbacks ?? _counting!.FiredCallbacks;

    /// <summary>Watches <paramref name="stations"/> idle stations for <paramref name="window"/> and prints the per-station figures.</summary>
    public async Task PrintIdleAsync(TextWriter output, int stations, TimeSpan window)
    {
        var created = Created;
        var real = _multiplexer is null ? "one per timer" : "1 for the whole process";
        var armed = _multiplexer is null ? string.Empty : F($", {_multiplexer.ArmedTimers / (double)stations:0.0} armed now ({_multiplexer.QueuedEntries} heap entries)");
        output.WriteLine(F($"scheduler {Name}: {created / (double)stations:0.0} timers created per station{armed}; real timers: {real}"));
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var firedBefore = Fired;
        await Task.Delay(window, TimeProvider.System);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var fired = Fired - firedBefore;
        var perStationPerMinute = 60 / window.TotalSeconds / stations;
        output.WriteLine(
            F($"  idle {window.TotalSeconds:0} s, per station and minute: {fired * perStationPerMinute:0.0} timer callbacks, ") +
            F($"{cpu.TotalMilliseconds * perStationPerMinute:0.00} ms CPU, {allocated * perStationPerMinute / 1024:0.0} KiB allocated ") +
            "(the whole process, the in-process Central System's share included)");
    }

    public void Dispose() => _multiplexer?.Dispose();

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
