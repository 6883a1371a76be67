using System.Globalization;

namespace Station.Benchmarks.EndToEnd;

/// <summary>
/// Prints the figures next to the lab's and the targets, each target check marked PASS or FAIL,
/// then a one-line verdict. Milliseconds throughout.
/// </summary>
internal static class LatencyReport
{
    private const int NameWidth = 48;

    public static void Print(TextWriter output, IReadOnlyList<FigureResult> results)
    {
        output.WriteLine();
        output.WriteLine($"All times in ms. Targets: median < {Targets.MedianMs:0} ms and p99 < {Targets.P99Ms:0} ms (two orders of magnitude below the lab).");
        output.WriteLine("'lab' = the certification lab's min / avg / max for the certified station (PRODUCT.md); 'x lab' = lab avg / our mean.");
        var header = $"{"figure",-NameWidth} {"runs",6} {"min",7} {"median",7} {"mean",7} {"p99",7} {"p99.9",7} {"max",7}  {"lab min/avg/max",-16} {"median",-6} {"p99",-5} {"x lab",7}";
        var passed = 0;
        var failed = 0;
        var missing = 0;
        foreach (var group in results.GroupBy(r => r.Group))
        {
            output.WriteLine();
            output.WriteLine(group.Key);
            output.WriteLine(header);
            output.WriteLine(new string('-', header.Length));
            foreach (var result in group)
            {
                var lab = $"{Ms(result.Lab.MinS)}/{Ms(result.Lab.AvgS)}/{Ms(result.Lab.MaxS)}";
                if (result.Summary is not { } s)
                {
                    missing++;
                    output.WriteLine($"{Name(result.Name)} {"-",6} {result.NotMeasured}  [lab {lab}]");
                    continue;
                }

                var medianOk = s.Median < Targets.MedianMs;
                var p99Ok = s.P99 < Targets.P99Ms;
                passed += (medianOk ? 1 : 0) + (p99Ok ? 1 : 0);
                failed += (medianOk ? 0 : 1) + (p99Ok ? 0 : 1);
                var times = result.Lab.AvgS * 1000 / s.Mean;
                output.WriteLine(
                    $"{Name(result.Name)} {s.Count,6} {F(s.Min)} {F(s.Median)} {F(s.Mean)} {F(s.P99)} {F(s.P999)} {F(s.Max)}  " +
                    $"{lab,-16} {Mark(medianOk),-6} {Mark(p99Ok),-5} {times.ToString("0", CultureInfo.InvariantCulture) + "x",7}");
            }
        }

        output.WriteLine();
        var verdict = failed == 0 ? "ALL TARGETS MET" : "TARGETS MISSED";
        output.WriteLine($"{verdict}: {passed} target checks pass, {failed} fail; {missing} figure(s) not measured.");
    }

    public static void Print(TextWriter output, IReadOnlyList<Breakdown> breakdowns)
    {
        output.WriteLine();
        output.WriteLine("Where the time goes, per run (medians and p99s of parts do not add up exactly):");
        var header = $"{"part",-60} {"min",7} {"median",7} {"mean",7} {"p99",7} {"p99.9",7} {"max",7}";
        foreach (var breakdown in breakdowns)
        {
            output.WriteLine();
            output.WriteLine(breakdown.Figure);
            output.WriteLine(header);
            output.WriteLine(new string('-', header.Length));
            foreach (var (part, s) in breakdown.Parts)
            {
                output.WriteLine($"{part,-60} {F(s.Min)} {F(s.Median)} {F(s.Mean)} {F(s.P99)} {F(s.P999)} {F(s.Max)}");
            }
        }
    }

    private static string Name(string name) => name.Length <= NameWidth ? name.PadRight(NameWidth) : name[..(NameWidth - 1)] + "…";

    private static string F(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(7);

    private static string Ms(double seconds) => (seconds * 1000).ToString("0", CultureInfo.InvariantCulture);

    private static string Mark(bool ok) => ok ? "PASS" : "FAIL";
}
