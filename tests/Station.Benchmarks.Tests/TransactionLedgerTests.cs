using Xunit;
using Station.Benchmarks.Chaos;

namespace Station.Benchmarks.Tests;

/// <summary>
/// The chaos run's duplicate count, on hand-written records: what the outbox legitimately sends
/// twice (the message in flight when the power went) and what would be a defect.
/// </summary>
public sealed class TransactionLedgerTests
{
    private const string Start = """{"connectorId":1,"idTag":"T1","meterStart":10,"timestamp":"2026-12-03T10:00:00Z"}""";
    private const string TransactionSample =
        """{"connectorId":1,"transactionId":7,"meterValue":[{"timestamp":"2026-12-03T10:00:10Z","sampledValue":[{"value":"12","context":"Sample.Clock"}]}]}""";
    private const string MainMeterSample =
        """{"connectorId":0,"meterValue":[{"timestamp":"2026-12-03T10:00:10Z","sampledValue":[{"value":"30","context":"Sample.Clock"}]}]}""";

    [Fact]
    public void The_outbox_message_in_flight_at_a_kill_sent_first_again_is_expected_even_when_a_main_meter_value_followed_it()
    {
        var record = new RecordBuilder()
            .Call("s1", "StartTransaction", Start).Answer("s1", """{"transactionId":7,"idTagInfo":{"status":"Accepted"}}""")
            .Call("m1", "MeterValues", TransactionSample)
            .Call("z1", "MeterValues", MainMeterSample) // beside the outbox, on the same connection, after the outbox's last message
            .NewConnection()
            .Call("b1", "BootNotification", """{"chargePointVendor":"V","chargePointModel":"M"}""")
            .Call("m2", "MeterValues", TransactionSample)
            .Answer("m2", "{}");

        var ledger = TransactionLedger.From(record.Frames);

        Assert.Empty(ledger.UnexpectedDuplicates);
        Assert.Equal(1, ledger.Duplicates["MeterValues"]);
    }

    [Fact]
    public void A_transaction_message_sent_again_after_other_outbox_messages_is_a_defect()
    {
        var record = new RecordBuilder()
            .Call("s1", "StartTransaction", Start).Answer("s1", """{"transactionId":7,"idTagInfo":{"status":"Accepted"}}""")
            .Call("m1", "MeterValues", TransactionSample).Answer("m1", "{}")
            .NewConnection()
            .Call("s2", "StopTransaction", """{"transactionId":7,"meterStop":20,"timestamp":"2026-12-03T10:01:00Z"}""")
            .Call("m2", "MeterValues", TransactionSample);

        var ledger = TransactionLedger.From(record.Frames);

        Assert.Single(ledger.UnexpectedDuplicates);
        Assert.False(ledger.Duplicates.ContainsKey("MeterValues"));
    }

    [Fact]
    public void A_main_meter_value_is_never_sent_twice_by_the_station()
    {
        var record = new RecordBuilder()
            .Call("z1", "MeterValues", MainMeterSample)
            .NewConnection()
            .Call("z2", "MeterValues", MainMeterSample);

        var ledger = TransactionLedger.From(record.Frames);

        Assert.Single(ledger.UnexpectedDuplicates);
    }

    /// <summary>Writes <c>csms --json</c> lines as the Central System prints them and parses them back.</summary>
    private sealed class RecordBuilder
    {
        private readonly List<CsmsFrame> _frames = [];
        private readonly Dictionary<string, string> _actions = [];
        private long _sequence;

        public IReadOnlyList<CsmsFrame> Frames => _frames;

        public RecordBuilder Call(string messageId, string action, string payload)
        {
            _actions[messageId] = action;
            return Add("received", action, $"[2,\"{messageId}\",\"{action}\",{payload}]");
        }

        public RecordBuilder Answer(string messageId, string payload) =>
            Add("sent", _actions[messageId], $"[3,\"{messageId}\",{payload}]");

        public RecordBuilder NewConnection()
        {
            _sequence = 0;
            return this;
        }

        private RecordBuilder Add(string direction, string action, string frame)
        {
            var line = $"{{\"sequence\":{++_sequence},\"direction\":\"{direction}\",\"action\":\"{action}\",\"frame\":{frame}}}";
            _frames.Add(CsmsFrame.Parse(_frames.Count, new TimedLine(0, line))!);
            return this;
        }
    }
}
