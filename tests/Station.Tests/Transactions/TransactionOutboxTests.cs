using System.Text;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Tests.Support;
using Station.Transactions;
using Xunit;

namespace Station.Tests.Transactions;

/// <summary>
/// The durable outbox of transaction messages: how a request is stored, and what happens to stored
/// messages that can no longer be sent.
/// </summary>
public sealed class TransactionOutboxTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 17, 9, 26, 53, 417, TimeSpan.Zero);

    [Fact]
    public void A_request_is_stored_as_its_exact_wire_payload()
    {
        var json = TransactionOutbox.Encode(new StartTransactionRequest { ConnectorId = 1, IdTag = "CARD-1", MeterStart = 1000, Timestamp = At });

        Assert.Equal("""{"connectorId":1,"idTag":"CARD-1","meterStart":1000,"timestamp":"2026-03-17T09:26:53.417Z"}""", json);
    }

    [Fact]
    public void A_stored_request_reads_back_as_it_was_written()
    {
        var stop = new StopTransactionRequest
        {
            IdTag = "CARD-1",
            MeterStop = 2345,
            Timestamp = At,
            TransactionId = 0,
            Reason = Reason.EVDisconnected,
            TransactionData =
            [
                new MeterValue
                {
                    Timestamp = At.AddMinutes(-5),
                    SampledValue = [new SampledValue { Value = "1000", Context = ReadingContext.TransactionBegin, Measurand = Measurand.EnergyActiveImportRegister, Unit = UnitOfMeasure.Wh }],
                },
            ],
        };
        var json = TransactionOutbox.Encode(stop);

        Assert.True(OcppActions.StopTransaction.Request.TryRead(Encoding.UTF8.GetBytes(json), out var read, out var error), error.Description);

        var decoded = (StopTransactionRequest)read;
        Assert.Equal(stop with { TransactionData = null }, decoded with { TransactionData = null });
        Assert.Equal(stop.TransactionData[0].SampledValue, decoded.TransactionData![0].SampledValue);
        Assert.Equal(json, TransactionOutbox.Encode(decoded));
        OcppSchemas.AssertValid("StopTransaction", isResponse: false, json);
    }

    [Fact]
    public async Task Stored_messages_wait_while_offline_and_leave_oldest_first_once_online()
    {
        await using var harness = await SessionHarness.StartAsync(online: false);
        var transaction = await harness.StartTransactionAsync(1, "CARD-1");
        await harness.Block.LockedAsync(() => harness.Transactions.StopAsync(transaction, Reason.Local));
        Assert.Equal(2, harness.Outbox.Pending);
        Assert.Empty(harness.Block.CentralSystem.TakeCalls());

        await harness.Block.GoOnlineAsync();

        Assert.Equal(["StartTransaction", "StopTransaction"], [await harness.NextDeliveryAsync(), await harness.NextDeliveryAsync()]);
        var stop = await harness.Block.CentralSystem.NextCallOfAsync<StopTransactionRequest>();
        Assert.Equal(CentralSystemPeer.FirstTransactionId, stop.TransactionId);
    }

    [Fact]
    public async Task A_message_of_a_transaction_that_never_got_a_transactionId_goes_to_the_dead_letters_unsent_and_the_next_one_leaves()
    {
        await using var harness = await SessionHarness.StartAsync(online: false);
        harness.Block.Logs.ExpectedError = e => e.EventId.Id == 2310;
        await harness.TransactionStore.EnqueueAsync(new OutboxMessage("MeterValues", TransactionOutbox.Encode(MeterValues()), LocalTransactionId: 99));
        await harness.TransactionStore.EnqueueAsync(new OutboxMessage("MeterValues", TransactionOutbox.Encode(MeterValues() with { ConnectorId = 0 }), LocalTransactionId: null));

        await harness.Block.GoOnlineAsync();

        Assert.Equal("MeterValues", await harness.NextDeliveryAsync());
        Assert.Equal(0, Assert.Single(harness.Block.CentralSystem.TakeCalls().OfType<MeterValuesRequest>()).ConnectorId);
        var (entry, reason) = Assert.Single(harness.TransactionStore.DeadLetters);
        Assert.Equal((99L, "its StartTransaction was never accepted, so it has no transactionId"), (entry.Message.LocalTransactionId!.Value, reason));
    }

    [Theory]
    [InlineData("Teleport", "{}", "unknown action Teleport")]
    [InlineData("MeterValues", "{\"connectorId\":", "stored payload unreadable: ")]
    [InlineData("StopTransaction", "{\"meterStop\":1}", "stored payload unreadable: ")]
    public async Task A_stored_message_that_cannot_be_read_goes_to_the_dead_letters(string action, string payload, string reason)
    {
        await using var harness = await SessionHarness.StartAsync(online: false);
        harness.Block.Logs.ExpectedError = e => e.EventId.Id == 2310;
        await harness.TransactionStore.EnqueueAsync(new OutboxMessage(action, payload, LocalTransactionId: null));
        await harness.TransactionStore.EnqueueAsync(new OutboxMessage("MeterValues", TransactionOutbox.Encode(MeterValues()), LocalTransactionId: null));

        await harness.Block.GoOnlineAsync();

        Assert.Equal("MeterValues", await harness.NextDeliveryAsync());
        var (entry, why) = Assert.Single(harness.TransactionStore.DeadLetters);
        Assert.Equal(action, entry.Message.Action);
        Assert.StartsWith(reason, why, StringComparison.Ordinal);
        Assert.Empty(harness.TransactionStore.Queued);
    }

    private static MeterValuesRequest MeterValues() => new()
    {
        ConnectorId = 1,
        MeterValue = [new MeterValue { Timestamp = At, SampledValue = [new SampledValue { Value = "42" }] }],
    };
}
