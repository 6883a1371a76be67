using System.Globalization;
using Station.Benchmarks.EndToEnd;
using Station.Testing;
using Station.Testing.Faults;

namespace Station.Benchmarks.Offline;

/// <summary>
/// <c>drain</c>: how fast a long offline backlog is delivered (issue 14 §5). A station (simulated
/// hardware, its own SQLite file, power-loss-safe) and the built-in Central System in one process:
/// the station charges offline in virtual time, a transaction an hour with MeterValues every
/// sample interval (<see cref="OfflineWeek"/>, what the seven-days test plays), then the network
/// comes back and the queue is delivered; the figure is the real time from connected to drained.
/// </summary>
internal static class DrainCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new Arguments(args, "--hours", "--sample-interval");
        var hours = arguments.Int("--hours", 168, 1, 24 * 366);
        var interval = arguments.Int("--sample-interval", 10, 10, 60);
        var week = new OfflineWeek(hours, TimeSpan.FromSeconds(interval));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"drain: {hours} h offline, a transaction an hour ({OfflineWeek.ChargingTime.TotalMinutes:0} min charging), MeterValues every {interval} s; {week.ExpectedQueue} to queue"));
        Console.WriteLine($"build: {Machine.Build}; {Environment.ProcessorCount} logical cores; load average at start: {Machine.LoadAverage()}");

        await using var harness = await StationHarness.StartAsync(week.Configure(new StationHarnessOptions()));
        var session = await harness.BootAsync();
        var offline = TimeProvider.System.GetTimestamp();
        await week.ChargeOfflineAsync(harness, "BENCH-CARD-1");
        var queued = harness.Station.Outbox.Pending;
        var bytes = OfflineWeek.DatabaseBytes(harness.DataDirectory);
        var played = TimeProvider.System.GetElapsedTime(offline).TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"offline: {queued} queued, SQLite files {bytes / 1024.0 / 1024.0:0.0} MiB ({(double)bytes / Math.Max(queued, 1):0} B a message); played in {played:0.0} s"));

        var (_, drain) = await OfflineWeek.ReconnectAndDrainAsync(harness, session, TimeSpan.FromMinutes(30));
        var received = week.Received.Count;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"drained: {received} of {queued} delivered in {drain.TotalSeconds:0.00} s: {received / drain.TotalSeconds:0} messages/s; load average now: {Machine.LoadAverage()}"));
        var ok = received == queued && harness.Station.Outbox.Pending == 0 && harness.Station.Outbox.DeadLetters == 0 && week.Assigned.Count == hours;
        Console.WriteLine(ok ? "PASS: everything queued delivered once, no dead letters" : "FAIL: the delivered count, the pending queue or the dead letters differ");
        return ok ? 0 : 1;
    }
}
