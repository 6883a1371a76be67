using System.Globalization;
using System.Text.Json;

namespace Station.Benchmarks.Chaos;

/// <summary>
/// The transactions, stops, meter values and duplicates in the Central System's record of frames,
/// read without any help from the station: what a Central System operator would see.
/// </summary>
internal sealed class TransactionLedger
{
    private const string Start = "StartTransaction";
    private const string Stop = "StopTransaction";
    private const string Meter = "MeterValues";

    public List<LogicalTransaction> Transactions { get; } = [];

    /// <summary>Every transactionId the Central System gave, to the transaction it was given to.</summary>
    public Dictionary<int, LogicalTransaction> ById { get; } = [];

    public List<LogicalStop> Stops { get; } = [];

    /// <summary>Stops whose transactionId the Central System never gave.</summary>
    public List<LogicalStop> OrphanStops { get; } = [];

    /// <summary>Transaction MeterValues whose transactionId the Central System never gave.</summary>
    public int OrphanMeterValues { get; private set; }

    public List<EnergyReading> Energy { get; } = [];

    /// <summary>Redelivered copies by action: each the message in flight when its connection died, sent first on the next one.</summary>
    public SortedDictionary<string, int> Duplicates { get; } = new(StringComparer.Ordinal);

    /// <summary>Copies that are not that: a message sent twice on one connection, or after others.</summary>
    public List<string> UnexpectedDuplicates { get; } = [];

    /// <summary>Transaction message CALLs (copies included) and CALLERROR answers to them.</summary>
    public int TransactionCalls { get; private set; }

    public int CallErrors { get; private set; }

    /// <summary>Connections seen (a sequence starting again at 1).</summary>
    public int Connections { get; private set; }

    public static TransactionLedger From(IReadOnlyList<CsmsFrame> frames)
    {
        var ledger = new TransactionLedger();
        var answers = new Dictionary<string, CsmsFrame>(StringComparer.Ordinal);
        foreach (var frame in frames.Where(f => !f.FromStation && f.Type is 3 or 4 && f.MessageId is not null))
        {
            answers.TryAdd(frame.MessageId!, frame);
        }

        var connectionOf = new int[frames.Count];
        var connection = -1;
        foreach (var frame in frames)
        {
            connection += frame.Sequence == 1 ? 1 : 0;
            connectionOf[frame.Index] = Math.Max(connection, 0);
        }

        ledger.Connections = connection + 1;
        var calls = frames.Where(f => f.FromStation && f.Type == 2 && f.Action is Start or Stop or Meter).ToList();
        ledger.TransactionCalls = calls.Count;
        ledger.CountDuplicates(calls, connectionOf);

        var stops = new Dictionary<string, LogicalStop>(StringComparer.Ordinal);
        var starts = new Dictionary<string, LogicalTransaction>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            answers.TryGetValue(call.MessageId ?? string.Empty, out var answer);
            ledger.CallErrors += answer?.Type == 4 ? 1 : 0;
            switch (call.Action)
            {
                case Start:
                    ledger.AddStart(call, answer, starts);
                    break;
                case Stop:
                    AddStop(call, answer, stops, ledger.Stops);
                    break;
                default:
                    ledger.AddMeterValues(call);
                    break;
            }
        }

        foreach (var stop in ledger.Stops)
        {
            if (!ledger.ById.TryGetValue(stop.TransactionId, out var transaction))
            {
                ledger.OrphanStops.Add(stop);
                continue;
            }

            if (stop.Confirmed)
            {
                transaction.ConfirmedStops.Add(stop);
            }

            ledger.Energy.Add(new EnergyReading(transaction.ConnectorId, stop.Timestamp, stop.MeterStop, "meterStop"));
        }

        return ledger;
    }

    private void CountDuplicates(List<CsmsFrame> calls, int[] connectionOf)
    {
        // Only the outbox redelivers, and it sends one message at a time in order: a legitimate
        // copy is the last outbox message of a connection sent again first on a later one. Other
        // MeterValues (connector 0, a connector without a transaction) are sent beside the outbox
        // and may follow its last message on the same connection, so they do not count for
        // "last" or "first".
        var first = new Dictionary<int, int>();
        var last = new Dictionary<int, int>();
        foreach (var call in calls.Where(IsDurable))
        {
            first.TryAdd(connectionOf[call.Index], call.Index);
            last[connectionOf[call.Index]] = call.Index;
        }

        foreach (var copies in calls.GroupBy(c => (c.Action, c.PayloadText)).Where(g => g.Count() > 1))
        {
            var list = copies.ToList();
            for (var i = 1; i < list.Count; i++)
            {
                var (previous, copy) = (list[i - 1], list[i]);
                var inFlight = IsDurable(copy)
                    && last[connectionOf[previous.Index]] == previous.Index
                    && first[connectionOf[copy.Index]] == copy.Index
                    && connectionOf[copy.Index] > connectionOf[previous.Index];
                if (inFlight)
                {
                    Duplicates[copy.Action!] = Duplicates.GetValueOrDefault(copy.Action!) + 1;
                }
                else
                {
                    UnexpectedDuplicates.Add($"{copy.Action} {copy.PayloadText} sent again as frame {copy.Index} (connection {connectionOf[copy.Index] + 1}) after frame " +
                        $"{previous.Index} (connection {connectionOf[previous.Index] + 1})");
                }
            }
        }
    }

    /// <summary>Whether the station queues <paramref name="call"/> in its outbox: transaction messages, MeterValues with a transactionId.</summary>
    internal static bool IsDurable(CsmsFrame call) =>
        call.Action is Start or Stop
        || (call.Payload.ValueKind == JsonValueKind.Object
            && call.Payload.TryGetProperty("transactionId", out var id) && id.ValueKind == JsonValueKind.Number);

    private void AddStart(CsmsFrame call, CsmsFrame? answer, Dictionary<string, LogicalTransaction> starts)
    {
        if (!starts.TryGetValue(call.PayloadText, out var transaction))
        {
            var payload = call.Payload;
            transaction = new LogicalTransaction(
                payload.GetProperty("idTag").GetString()!,
                payload.GetProperty("connectorId").GetInt32(),
                payload.GetProperty("timestamp").GetDateTimeOffset(),
                payload.GetProperty("meterStart").GetDecimal());
            starts[call.PayloadText] = transaction;
            Transactions.Add(transaction);
            Energy.Add(new EnergyReading(transaction.ConnectorId, transaction.StartedAt, transaction.MeterStart, "meterStart"));
        }

        transaction.Copies.Add(call);
        if (answer is { Type: 3 } && answer.Payload.TryGetProperty("transactionId", out var id))
        {
            transaction.AssignedIds.Add(id.GetInt32());
            ById[id.GetInt32()] = transaction;
        }
    }

    private static void AddStop(CsmsFrame call, CsmsFrame? answer, Dictionary<string, LogicalStop> stops, List<LogicalStop> all)
    {
        if (!stops.TryGetValue(call.PayloadText, out var stop))
        {
            var payload = call.Payload;
            stop = new LogicalStop(
                payload.GetProperty("transactionId").GetInt32(),
                payload.TryGetProperty("reason", out var reason) ? reason.GetString()! : "Local",
                payload.GetProperty("meterStop").GetDecimal(),
                payload.GetProperty("timestamp").GetDateTimeOffset());
            stops[call.PayloadText] = stop;
            all.Add(stop);
        }

        stop.Copies.Add(call);
        stop.Confirmed |= answer is { Type: 3 };
    }

    private void AddMeterValues(CsmsFrame call)
    {
        var payload = call.Payload;
        var connectorId = payload.GetProperty("connectorId").GetInt32();
        LogicalTransaction? transaction = null;
        if (payload.TryGetProperty("transactionId", out var id) && id.ValueKind == JsonValueKind.Number && !ById.TryGetValue(id.GetInt32(), out transaction))
        {
            OrphanMeterValues++;
        }

        foreach (var meterValue in payload.GetProperty("meterValue").EnumerateArray())
        {
            var at = meterValue.GetProperty("timestamp").GetDateTimeOffset();
            foreach (var sampled in meterValue.GetProperty("sampledValue").EnumerateArray())
            {
                var measurand = Text(sampled, "measurand") ?? "Energy.Active.Import.Register";
                if (measurand != "Energy.Active.Import.Register")
                {
                    continue;
                }

                var wh = decimal.Parse(sampled.GetProperty("value").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
                wh *= Text(sampled, "unit") == "kWh" ? 1000 : 1;
                var context = Text(sampled, "context") ?? "Sample.Periodic";
                Energy.Add(new EnergyReading(connectorId, at, wh, context));
                if (transaction is not null && context == "Sample.Periodic")
                {
                    transaction.Samples.Add(at);
                }
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
