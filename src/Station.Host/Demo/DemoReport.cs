using System.Globalization;
using Ocpp16.Json;

namespace Station.Host.Demo;

/// <summary>The demo's closing summary as text lines.</summary>
public static class DemoReport
{
    /// <summary>The summary, one line per entry.</summary>
    public static IEnumerable<string> Lines(DemoSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        yield return string.Empty;
        yield return "Summary";
        foreach (var t in summary.Transactions)
        {
            var how = t.StartedRemotely ? $"remote start for {t.IdTag}" : $"card {t.IdTag}";
            yield return t.Stopped
                ? Text($"  transaction {t.TransactionId}: {how} on connector {t.ConnectorId}, {t.EnergyWh} Wh (meterStart {t.MeterStartWh}, meterStop {t.MeterStopWh}) ") +
                    Text($"in {Seconds(t.Duration!.Value)}, {t.MeterValues} MeterValues, stopped {OcppEnum.WireName(t.StopReason!.Value)}")
                : Text($"  transaction {t.TransactionId}: {how} on connector {t.ConnectorId}, still running (meterStart {t.MeterStartWh}), {t.MeterValues} MeterValues");
        }

        yield return Text($"  energy delivered: {summary.EnergyWh} Wh in {summary.Transactions.Count} transactions");
        yield return Text($"  messages: {summary.Frames.Count} frames; {summary.StationCallCount} CALLs from the station, ") +
            Text($"{summary.CentralSystemCallCount} from the Central System; {summary.CallErrorCount} CALLERRORs");
        yield return "  round trips, min / mean / max:";
        yield return Text($"    station → Central System  {Stats(summary.StationCalls)}  (timed at the station)");
        yield return Text($"    Central System → station  {Stats(summary.CentralSystemCalls)}  (timed at the Central System)");
        if (summary.RemoteStartToStartTransaction is { } remoteStart)
        {
            yield return Text($"  RemoteStartTransaction → StartTransaction: {Milliseconds(remoteStart)} (the certified station: 3.39 s)");
        }

        if (summary.RemoteStopToStopTransaction is { } remoteStop)
        {
            yield return Text($"  RemoteStopTransaction → StopTransaction: {Milliseconds(remoteStop)} (the certified station: 3.06 to 3.94 s)");
        }

        yield return Text($"  demo time: {Seconds(summary.Duration)}; intervals shortened for the demo ") +
            Text($"(MeterValueSampleInterval {DemoSession.MeterValueSampleIntervalSeconds} s, HeartbeatInterval {DemoSession.HeartbeatIntervalSeconds} s)");
    }

    private static string Stats(RoundTripStats stats) =>
        Text($"{stats.Count,3} CALLs  {Milliseconds(stats.Min)} / {Milliseconds(stats.Mean)} / {Milliseconds(stats.Max)}");

    private static string Milliseconds(TimeSpan time) => Text($"{time.TotalMilliseconds:0.0} ms");

    private static string Seconds(TimeSpan time) => Text($"{time.TotalSeconds:0.0} s");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
