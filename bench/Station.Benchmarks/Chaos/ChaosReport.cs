using System.Globalization;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.Chaos;

/// <summary>The figures of a chaos run.</summary>
internal static class ChaosReport
{
    private const int ShownPerList = 5;

    public static void Print(TextWriter output, TimeSpan wall, ChaosRun run, FinalState final, ChaosVerdict verdict, CsmsRecord record)
    {
        var ledger = verdict.Ledger;
        var killed = run.Instances.Where(i => i.KillPoint is not null).ToList();
        output.WriteLine();
        output.WriteLine(Invariant($"wall time {wall.TotalMinutes:0.0} min: {killed.Count} killed station processes and a clean last one, {run.Sessions.Count} charging sessions played, ") +
            Invariant($"{record.Count} frames in the Central System's record over {ledger.Connections} connections"));
        output.WriteLine(Invariant($"load average (1/5/15 min) at the end: {LoadAverage()}"));

        output.WriteLine();
        output.WriteLine("kill points                              planned   as planned");
        foreach (var kind in killed.GroupBy(i => i.KillPoint!.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var asPlanned = kind.Count(i => i.DiedBy == kind.Key);
            output.WriteLine(Invariant($"  {kind.Key,-38} {kind.Count(),7}   {asPlanned,10}{(asPlanned < kind.Count() ? "  (the rest: killed after 20 s, the point never came)" : string.Empty)}"));
        }

        output.WriteLine();
        var stops = ledger.Transactions.SelectMany(t => t.ConfirmedStops).ToList();
        output.WriteLine("transactions, from the Central System's record");
        output.WriteLine(Invariant($"  started                 {ledger.Transactions.Count} (distinct StartTransaction payloads; ") +
            Invariant($"{ledger.Transactions.Sum(t => t.Copies.Count)} CALLs)"));
        var reasons = stops.GroupBy(s => s.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine(Invariant($"  stopped, confirmed      {stops.Count}: {string.Join(", ", reasons)}"));
        var oneStopEach = verdict.StartsWithoutStop.Count + verdict.StartsWithSeveralStops.Count + verdict.StaleStopIds.Count == 0;
        output.WriteLine(Invariant($"  every start has exactly one confirmed stop: {Verdict(oneStopEach)}"));
        output.WriteLine(Invariant($"  kills into a running transaction (no stop asked for yet): {verdict.KillsIntoRunningTransactions}, stopped PowerLoss: ") +
            Invariant($"{verdict.ThoseStoppedPowerLoss}; every stop reason as expected: {Verdict(verdict.WrongReasons.Count == 0)}"));
        output.WriteLine(Invariant($"  CALLERRORs to transaction messages: {ledger.CallErrors} of {ledger.TransactionCalls} CALLs"));

        output.WriteLine();
        output.WriteLine(Invariant($"transaction messages lost: {verdict.LostMessages}"));
        output.WriteLine(Invariant($"  starts without a confirmed stop {verdict.StartsWithoutStop.Count}; sessions shown charging without a StartTransaction ") +
            Invariant($"{verdict.SessionsChargingWithoutStart.Count}; acknowledged stops reported otherwise {verdict.WrongReasons.Count(w => w.Contains("acknowledged", StringComparison.Ordinal))}"));
        output.WriteLine(Invariant($"  periodic MeterValues gaps over {ChaosVerdict.SampleGapLimit.TotalSeconds} s {verdict.SampleGaps.Count} (longest gap ") +
            Invariant($"{verdict.LongestSampleGap.TotalSeconds:0.00} s); stops and MeterValues of unknown transactions {ledger.OrphanStops.Count + ledger.OrphanMeterValues}"));
        output.WriteLine(Invariant($"  left queued after the clean last process: {final.Queued}, dead letters {final.DeadLetters} (the station's GET /state; it drained in ") +
            Invariant($"{final.DrainSeconds:0.00} s after its boot)"));

        output.WriteLine();
        output.WriteLine(Invariant($"duplicates (OCPP's at-least-once: the message in flight when the power went, sent first on the next connection): {ledger.Duplicates.Values.Sum()}"));
        output.WriteLine(Invariant($"  {(ledger.Duplicates.Count == 0 ? "none" : string.Join(", ", ledger.Duplicates.Select(d => $"{d.Key} {d.Value}")))}; any other duplicate: ") +
            Invariant($"{ledger.UnexpectedDuplicates.Count}"));

        output.WriteLine();
        var energy = ledger.Energy.Distinct().GroupBy(e => e.ConnectorId).OrderBy(g => g.Key).Select(g => $"{g.Count()} on connector {g.Key}");
        output.WriteLine(Invariant($"energy register (meterStart, meterStop, MeterValues' Energy.Active.Import.Register, in timestamp order): {string.Join(", ", energy)}; never ") +
            Invariant($"decreasing: {Verdict(verdict.EnergyBackwards.Count == 0)}"));

        output.WriteLine();
        var boots = run.Instances.Where(i => i.BootMilliseconds is not null).Select(i => i.BootMilliseconds!.Value).ToList();
        if (boots.Count > 0)
        {
            var summary = Summary.Of(boots);
            output.WriteLine(Invariant($"boot, process start to the BootNotification answered: {boots.Count} of {run.Instances.Count} processes; min {summary.Min:0} ms, median ") +
                Invariant($"{summary.Median:0} ms, p99 {summary.P99:0} ms, max {summary.Max:0} ms"));
        }

        output.WriteLine(Invariant($"  killed before booting (a kill point during start-up, e.g. the recovery's End): {run.Instances.Count - boots.Count}"));
        if (run.DriverProblems.Count > 0)
        {
            output.WriteLine(Invariant($"driver problems: {run.DriverProblems.Count}"));
            Show(output, run.DriverProblems);
        }

        foreach (var (title, list) in new[]
        {
            ("starts without a confirmed stop", verdict.StartsWithoutStop),
            ("starts with several different stops", verdict.StartsWithSeveralStops),
            ("stops with a stale transactionId", verdict.StaleStopIds),
            ("sessions shown charging without a StartTransaction", verdict.SessionsChargingWithoutStart),
            ("sessions with several StartTransactions", verdict.SessionsWithSeveralStarts),
            ("unexpected stop reasons", verdict.WrongReasons),
            ("MeterValues gaps", verdict.SampleGaps),
            ("energy going backwards", verdict.EnergyBackwards),
            ("unexpected duplicates", ledger.UnexpectedDuplicates),
        })
        {
            if (list.Count > 0)
            {
                output.WriteLine(Invariant($"FAIL {title}: {list.Count}"));
                Show(output, list);
            }
        }

        output.WriteLine();
        output.WriteLine($"verdict: {(verdict.Passed(final.Queued, final.DeadLetters) && record.Unreadable == 0 ? "PASS" : "FAIL")}");
    }

    private static void Show(TextWriter output, List<string> lines)
    {
        foreach (var line in lines.Take(ShownPerList))
        {
            output.WriteLine($"    {line}");
        }

        if (lines.Count > ShownPerList)
        {
            output.WriteLine(Invariant($"    ... and {lines.Count - ShownPerList} more"));
        }
    }

    private static string Verdict(bool passed) => passed ? "yes" : "NO";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
