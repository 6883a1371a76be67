using System.Collections.Concurrent;
using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace Station.Host.Tests.Fleet;

/// <summary>
/// The transactions as the Central System saw them, from its frames: which StartTransaction got
/// which transactionId, and every StopTransaction and MeterValues that names one. A StartTransaction
/// sent again after a cut (OCPP's at-least-once delivery) is the same transaction: same station,
/// connector and idTag (each automatic transaction draws its own card).
/// </summary>
internal sealed class TransactionRecord
{
    private readonly ConcurrentQueue<RecordedFrame> _frames = new();

    public void Add(RecordedFrame frame) => _frames.Enqueue(frame);

    /// <summary>Every problem found, one line each; empty when the record is sound.</summary>
    public List<string> Problems(out TransactionSummary summary)
    {
        List<string> problems = [];
        var calls = new Dictionary<(string, string), StartTransactionRequest>();
        var startOf = new Dictionary<int, (string Station, int Connector, string IdTag)>();
        var stops = new Dictionary<int, List<(string Station, Reason? Reason, int MeterStop)>>();
        var samples = new List<(string Station, int Connector, int TransactionId)>();
        foreach (var frame in _frames)
        {
            var id = (frame.ChargePointId, frame.MessageId ?? "");
            switch (frame.Payload)
            {
                case StartTransactionRequest start when frame.IsCall(FrameDirection.Received):
                    calls[id] = start;
                    break;
                case StartTransactionResponse answer when frame.Direction == FrameDirection.Sent:
                    if (!calls.TryGetValue(id, out var request))
                    {
                        problems.Add($"{frame.ChargePointId}: an answer to a StartTransaction never received");
                    }
                    else if (!startOf.TryAdd(answer.TransactionId, (frame.ChargePointId, request.ConnectorId, request.IdTag)))
                    {
                        problems.Add($"transactionId {answer.TransactionId} given twice");
                    }

                    break;
                case StopTransactionRequest stop when frame.IsCall(FrameDirection.Received):
                    (stops.TryGetValue(stop.TransactionId, out var list) ? list : stops[stop.TransactionId] = []).Add((frame.ChargePointId, stop.Reason, stop.MeterStop));
                    break;
                case MeterValuesRequest { TransactionId: { } transactionId } sample when frame.IsCall(FrameDirection.Received):
                    samples.Add((frame.ChargePointId, sample.ConnectorId, transactionId));
                    break;
            }
        }

        // No id used for what it was not given to: a stop or a sample names the station (and connector) that started it.
        foreach (var (transactionId, list) in stops)
        {
            if (!startOf.TryGetValue(transactionId, out var start) || list.Any(s => s.Station != start.Station))
            {
                problems.Add($"a StopTransaction of transactionId {transactionId}, which its station was never given");
            }
        }

        foreach (var (station, connector, transactionId) in samples)
        {
            if (!startOf.TryGetValue(transactionId, out var start) || start.Station != station || start.Connector != connector)
            {
                problems.Add($"{station} connector {connector}: MeterValues of transactionId {transactionId}, not a transaction of its own");
            }
        }

        // Each transaction stopped exactly once: one of its ids has stops, all of them copies of one StopTransaction.
        var transactions = startOf.GroupBy(s => s.Value, s => s.Key).ToList();
        foreach (var transaction in transactions)
        {
            var stopped = transaction.Where(stops.ContainsKey).ToList();
            var distinct = stopped.SelectMany(t => stops[t]).Select(s => (s.Reason, s.MeterStop)).Distinct().Count();
            if (stopped.Count != 1 || distinct != 1)
            {
                problems.Add($"{transaction.Key}: ids {string.Join(",", transaction)}, {stopped.Count} of them stopped, {distinct} different stops");
            }
        }

        summary = new TransactionSummary(
            transactions.Count,
            stops.Values.SelectMany(s => s).Count(s => s.Reason == Reason.PowerLoss),
            stops.Values.Sum(s => s.Count) - stops.Count,
            samples.Count);
        return problems;
    }
}
