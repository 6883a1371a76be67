using System.Diagnostics;
using System.Globalization;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.Fleet;

/// <summary>The figures of one fleet benchmark, against issue 13's targets.</summary>
internal sealed class FleetBenchReport(
    FleetBenchOptions options, TimeSpan? bootedAfter, FleetSnapshot before, FleetSnapshot after, RssSampler rss, long baseRssBytes,
    (double Fleet, double Csms) cpuSeconds, long csmsRssBytes)
{
    private const double TargetBootSeconds = 60;
    private const double TargetRateDeviation = 0.10;
    private const double TargetKbPerStation = 30;
    private const double TargetBaseMb = 150;

    public void Print(TextWriter output, double? stopSeconds, int fleetLogLines)
    {
        var seconds = Stopwatch.GetElapsedTime(before.At, after.At).TotalSeconds;
        var n = options.Stations;
        var sent = (after.Sent - before.Sent) / seconds;
        var received = (after.Received - before.Received) / seconds;
        var perStation = sent / n;
        var expected = FleetSchedule.CallsPerStationSecond;
        var deviation = perStation / expected - 1;
        var steadyMb = rss.SteadyBytes / 1e6;
        var baseMb = baseRssBytes / 1e6 * options.Processes;
        var kbPerStation = (rss.SteadyBytes - baseRssBytes * options.Processes) / 1e3 / n;
        var p50 = after.QuantileSince(before, 0.5);
        var p99 = after.QuantileSince(before, 0.99);
        var cores = Environment.ProcessorCount;

        output.WriteLine();
        output.WriteLine($"load average (1/5/15 min) at the end: {Machine.LoadAverage()}");
        Line(output, "stations", $"{n} ({after.Connected} connected, {after.Booted} booted at the end), {options.Processes} fleet process(es)");
        Line(output, "all booted after", bootedAfter is { } b
            ? $"{b.TotalSeconds:0.0} s{Verdict(b.TotalSeconds <= TargetBootSeconds, $"target <= {TargetBootSeconds} s")}"
            : "never (see --boot-timeout)");
        Line(output, "steady phase", $"{seconds:0.0} s after a warm-up of {options.WarmupSeconds} s");
        Line(output, "messages/s", $"{sent:0.0} sent, {received:0.0} received (answers and Central System CALLs)");
        Line(output, "per station", $"{perStation:0.0000} msg/s sent against {expected:0.0000} by the schedule: {deviation * 100:+0.0;-0.0} %" +
            Verdict(Math.Abs(deviation) <= TargetRateDeviation, "target within 10 %"));
        Line(output, "response time", p50 is null ? "no answers in the steady phase"
            : $"p50 {Edge(after, p50.Value)} ms, p99 {Edge(after, p99!.Value)} ms (the histogram bucket's upper edge, steady phase, every action)");
        Line(output, "automatic tx", $"{after.AtgTransactions - before.AtgTransactions} completed in the steady phase");
        Line(output, "reconnects", $"{after.Reconnects - before.Reconnects} in the steady phase, {after.Reconnects} in all");
        Line(output, "errors", $"{after.Errors - before.Errors} in the steady phase, {after.Errors} in all (CALLERRORs and unanswered CALLs); {fleetLogLines} fleet log lines (Warning and up)");
        Line(output, "fleet RSS", $"peak {rss.PeakBytes / 1e6:0} MB, steady {steadyMb:0} MB (whole process tree), base {baseMb:0} MB" +
            Verdict(baseRssBytes / 1e6 <= TargetBaseMb, $"target <= {TargetBaseMb} MB per process"));
        Line(output, "RSS per station", $"{kbPerStation:0.0} KB above the base{Verdict(kbPerStation <= TargetKbPerStation, $"target <= {TargetKbPerStation} KB")}");
        Line(output, "CPU", $"fleet {cpuSeconds.Fleet / seconds * 100:0}% of one core, Central System {cpuSeconds.Csms / seconds * 100:0}% ({cores} cores on the machine); " +
            $"fleet {cpuSeconds.Fleet / Math.Max(1, after.Sent - before.Sent) * 1e6:0} µs CPU per message sent");
        Line(output, "csms RSS", $"{csmsRssBytes / 1e6:0} MB at the end of the steady phase");
        Line(output, "stop", stopSeconds is { } s ? $"{s:0.0} s from SIGTERM to every fleet process's exit" : "a fleet process did not exit within 300 s of SIGTERM");
    }

    // The last bucket has no upper edge: say past which edge the quantile lies.
    private static string Edge(FleetSnapshot snapshot, double edge) => double.IsPositiveInfinity(edge)
        ? string.Create(CultureInfo.InvariantCulture, $"> {snapshot.Buckets.Keys.Where(double.IsFinite).DefaultIfEmpty(0).Max():0}")
        : string.Create(CultureInfo.InvariantCulture, $"<= {edge:0.#}");

    private static void Line(TextWriter output, string name, string text) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-18}{text}"));

    private static string Verdict(bool met, string target) => met ? $"  [met: {target}]" : $"  [MISSED: {target}]";
}
