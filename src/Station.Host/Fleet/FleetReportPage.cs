using System.Globalization;
using System.Net;
using System.Text;

namespace Station.Host.Fleet;

/// <summary>The HTML page of the report: the totals and three inline SVG charts, nothing loaded from elsewhere.</summary>
internal static class FleetReportPage
{
    private const int Width = 720;
    private const int Height = 220;

    public static string Html(FleetSettings settings, FleetRunner fleet, IReadOnlyList<FleetSample> samples)
    {
        var c = fleet.Counts();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Fleet report</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}")
            .Append("th:first-child,td:first-child{text-align:left}svg{background:#fafafa;border:1px solid #ddd}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Fleet report: {c.Stations} stations from {Encode(settings.StationId(0))}, seed {settings.Seed}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{FleetReport.Number(fleet.Elapsed.TotalSeconds)} s; ");
        if (fleet.AllBooted.IsCompletedSuccessfully)
        {
            html.Append(CultureInfo.InvariantCulture, $"all booted in {FleetReport.Number(fleet.AllBooted.Result.TotalSeconds)} s; ");
        }

        html.Append(CultureInfo.InvariantCulture, $"{c.Sent} frames sent, {c.Received} received, {c.Errors} errors, {c.Reconnects} reconnects, ")
            .Append(CultureInfo.InvariantCulture, $"{fleet.AtgCycles} automatic transactions; response time p50 {FleetReport.Number(c.P50Ms)} ms, p99 {FleetReport.Number(c.P99Ms)} ms.</p>");
        if (c.Chaos)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Chaos: {c.ChaosDisconnects} network drops, {c.ChaosPowerLosses} power losses.</p>");
        }

        if (settings.Groups.Count > 1 || c.Chaos)
        {
            html.Append("<h2>Groups</h2><table><tr><th>group</th><th>stations</th><th>ids</th><th>model</th><th>connectors</th><th>automatic transactions</th><th>chaos</th></tr>");
            var position = 0;
            foreach (var g in settings.Groups)
            {
                var ids = $"{settings.StationId(position)}..{settings.StationId(position + g.Count - 1)}";
                var atg = g.Atg ? $"{g.TxDuration} s, pause {g.TxPause} s" : "off";
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(g.Name)}</td><td>{g.Count}</td><td>{Encode(ids)}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{Encode($"{g.Model.Vendor} {g.Model.Model}")}</td><td>{g.Model.Connectors.Count}</td><td>{atg}</td>")
                    .Append(CultureInfo.InvariantCulture, $"<td>{(g.Chaos.IsOn ? Encode(g.Chaos.ToString()) : "off")}</td></tr>");
                position += g.Count;
            }

            html.Append("</table>");
        }

        var rates = samples.Zip(samples.Skip(1), (a, b) => (b.Seconds, Rate: (b.Sent + b.Received - a.Sent - a.Received) / Math.Max(1e-3, b.Seconds - a.Seconds))).ToList();
        html.Append("<h2>Throughput (frames/s, both ways)</h2>").Append(Chart(rates));
        html.Append("<h2>Connected stations</h2>").Append(Chart([.. samples.Select(s => (s.Seconds, (double)s.Connected))]));
        html.Append("<h2>Response time per action</h2><table><tr><th>action</th><th>CALLs sent</th><th>CALLs received</th>")
            .Append("<th>errors</th><th>p50 ms</th><th>p99 ms</th><th>distribution (log ms)</th></tr>");
        foreach (var action in fleet.Counters.Actions.Values.OrderBy(a => a.Action, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(action.Action)}</td><td>{action.CallsSent}</td><td>{action.CallsReceived}</td><td>{action.Errors}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{FleetReport.Number(action.ResponseTimes.PercentileMs(0.5))}</td><td>{FleetReport.Number(action.ResponseTimes.PercentileMs(0.99))}</td>")
                .Append("<td>").Append(Histogram(action.ResponseTimes.Distribution())).Append("</td></tr>");
        }

        return html.Append("</table></body></html>").ToString();
    }

    private static string Chart(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return "<p>(too short to chart)</p>";
        }

        var maxX = Math.Max(1e-3, points[^1].X);
        var maxY = Math.Max(1, points.Max(p => p.Y));
        var line = string.Join(" ", points.Select(p => string.Create(
            CultureInfo.InvariantCulture, $"{40 + (p.X / maxX * (Width - 50)):0.#},{Height - 20 - (p.Y / maxY * (Height - 40)):0.#}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"<svg width=\"{Width}\" height=\"{Height}\" role=\"img\"><polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"{line}\"/>" +
            $"<text x=\"4\" y=\"16\" font-size=\"11\">{FleetReport.Number(maxY)}</text><text x=\"4\" y=\"{Height - 6}\" font-size=\"11\">0</text>" +
            $"<text x=\"{Width - 60}\" y=\"{Height - 6}\" font-size=\"11\">{FleetReport.Number(maxX)} s</text></svg>");
    }

    private static string Histogram(IReadOnlyList<(double UpperMs, long Count)> buckets)
    {
        const int w = 240, h = 40;
        if (buckets.Count == 0)
        {
            return "";
        }

        var max = buckets.Max(b => b.Count);
        var bars = new StringBuilder();
        foreach (var (upper, count) in buckets)
        {
            // 1 µs .. 100 s on a log scale.
            var x = Math.Clamp((Math.Log10(upper) + 3) / 8 * w, 0, w - 2);
            var bar = (double)count / max * h;
            bars.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{h - bar:0.#}\" width=\"2\" height=\"{bar:0.#}\" fill=\"#2e7d32\">")
                .Append(CultureInfo.InvariantCulture, $"<title>≤{FleetReport.Number(upper)} ms: {count}</title></rect>");
        }

        return string.Create(CultureInfo.InvariantCulture, $"<svg width=\"{w}\" height=\"{h}\">{bars}</svg>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
