using System.Diagnostics;
using Station.Benchmarks.EndToEnd;

namespace Station.Benchmarks.External;

/// <summary>
/// The steps of a remote start or stop, frame by frame, grouped by the order the frames came in:
/// the station may report its new status before or after the transaction message (OCPP 1.6 allows
/// both), and the two orders cost differently, so each gets its own table.
/// </summary>
internal sealed class FrameOrders(string figure)
{
    private readonly Dictionary<string, (int Cycles, Breakdown Parts)> _orders = new(StringComparer.Ordinal);

    /// <summary>One cycle: <paramref name="frames"/> from the csms's CALL up to the caused request, <paramref name="sent"/> the POST's start.</summary>
    public void Add(long sent, IReadOnlyList<SeenFrame> frames)
    {
        var order = string.Join(" | ", frames.Select(f => f.Step));
        var (cycles, parts) = _orders.TryGetValue(order, out var known) ? known : (0, new Breakdown(figure));
        parts.Add("total: csms sent the CALL → the caused request seen", Stopwatch.GetElapsedTime(frames[0].At, frames[^1].At).TotalMilliseconds);
        parts.Add("  POST sent → the csms's CALL seen (HTTP API, event stream)", Stopwatch.GetElapsedTime(sent, frames[0].At).TotalMilliseconds);
        for (var i = 1; i < frames.Count; i++)
        {
            parts.Add($"  {i}. {frames[i].Step}", Stopwatch.GetElapsedTime(frames[i - 1].At, frames[i].At).TotalMilliseconds);
        }

        _orders[order] = (cycles + 1, parts);
    }

    /// <summary>One breakdown per order, the most frequent first, named with its share of the cycles.</summary>
    public IEnumerable<Breakdown> Breakdowns()
    {
        var total = _orders.Values.Sum(o => o.Cycles);
        foreach (var (cycles, parts) in _orders.Values.OrderByDescending(o => o.Cycles))
        {
            yield return parts.Renamed($"{figure}: {cycles} of {total} cycles in this order (each step: since the frame before)");
        }
    }
}
