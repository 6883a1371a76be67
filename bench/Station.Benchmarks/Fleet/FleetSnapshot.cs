using System.Globalization;
using System.Text.Json;

namespace Station.Benchmarks.Fleet;

/// <summary>
/// What the fleet processes say about themselves at one moment, summed over them: <c>GET /fleet</c>
/// (frames, errors, reconnects, booted) and the response-time histogram of <c>GET /metrics</c>
/// (cumulative bucket counts by upper edge, over every action), so two snapshots give the figures
/// of the time between them.
/// </summary>
internal sealed record FleetSnapshot(
    long At, int Connected, int Booted, long Sent, long Received, long Errors, long Reconnects, long AtgTransactions, SortedDictionary<double, long> Buckets)
{
    public static async Task<FleetSnapshot> TakeAsync(HttpClient http, IReadOnlyList<int> controlPorts, CancellationToken cancellationToken)
    {
        var at = System.Diagnostics.Stopwatch.GetTimestamp();
        int connected = 0, booted = 0;
        long sent = 0, received = 0, errors = 0, reconnects = 0, atg = 0;
        var buckets = new SortedDictionary<double, long>();
        foreach (var port in controlPorts)
        {
            using var fleet = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/fleet"), cancellationToken).ConfigureAwait(false));
            var root = fleet.RootElement;
            connected += root.GetProperty("connected").GetInt32();
            booted += root.GetProperty("booted").GetInt32();
            sent += root.GetProperty("messagesSent").GetInt64();
            received += root.GetProperty("messagesReceived").GetInt64();
            errors += root.GetProperty("errors").GetInt64();
            reconnects += root.GetProperty("reconnects").GetInt64();
            atg += root.GetProperty("atgTransactions").GetInt64();
            AddBuckets(buckets, await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), cancellationToken).ConfigureAwait(false));
        }

        return new FleetSnapshot(at, connected, booted, sent, received, errors, reconnects, atg, buckets);
    }

    /// <summary>The response-time quantile (0..1) of the answers between <paramref name="earlier"/> and this, as the upper edge of its bucket in ms; null with none.</summary>
    public double? QuantileSince(FleetSnapshot earlier, double quantile)
    {
        var counts = Buckets.Select(b => (b.Key, Count: b.Value - earlier.Buckets.GetValueOrDefault(b.Key))).ToList();
        var total = counts.Count == 0 ? 0 : counts[^1].Count;
        if (total <= 0)
        {
            return null;
        }

        var rank = quantile * total;
        return counts.First(c => c.Count >= rank).Key;
    }

    // Lines `ocpp_response_time_milliseconds_bucket{action="Heartbeat",le="250"} 17 …`: cumulative counts, summed over the actions by edge.
    internal static void AddBuckets(SortedDictionary<double, long> buckets, string prometheus)
    {
        foreach (var line in prometheus.Split('\n'))
        {
            if (!line.StartsWith("ocpp_response_time_milliseconds_bucket{", StringComparison.Ordinal))
            {
                continue;
            }

            var le = line.IndexOf("le=\"", StringComparison.Ordinal);
            var close = line.IndexOf('}', StringComparison.Ordinal);
            if (le < 0 || close < le)
            {
                continue;
            }

            var edgeText = line[(le + 4)..line.IndexOf('"', le + 4)];
            var edge = edgeText == "+Inf" ? double.PositiveInfinity : double.Parse(edgeText, CultureInfo.InvariantCulture);
            var count = long.Parse(line[(close + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            buckets[edge] = buckets.GetValueOrDefault(edge) + count;
        }
    }
}
