using System.Text;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Model;
using Station.Tests.Support;
using Station.Transactions;
using Xunit;

namespace Station.Tests.Transactions;

/// <summary>
/// AQ-7.2: transactions a power loss interrupted are closed at the next start from the journal,
/// with reason PowerLoss and their last persisted meter reading, and reported once online.
/// </summary>
public sealed class PowerLossRecoveryTests
{
    private static readonly DateTimeOffset LastMeterAt = VirtualClock.Epoch.AddMinutes(-7).AddMilliseconds(-250);

    private static readonly StoredTransaction Interrupted = new()
    {
        LocalId = 7,
        ConnectorId = 1,
        IdTag = "CARD-1",
        ParentIdTag = "FLEET",
        MeterStartWh = 1000,
        StartedAt = VirtualClock.Epoch.AddHours(-2),
        TransactionId = 4711,
        LastMeterWh = 2345.9,
        LastMeterAt = LastMeterAt,
    };

    [Fact]
    [Trait("Cert", "AQ-7.2")]
    public async Task An_interrupted_transaction_is_stopped_with_PowerLoss_its_last_reading_and_its_time()
    {
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { OpenTransactions = [Interrupted] }, online: false);

        await harness.Block.LockedAsync(harness.Transactions.RecoverAfterPowerLoss);

        Assert.Empty(harness.TransactionStore.LoadOpen());
        var stop = Decode(Assert.Single(harness.TransactionStore.Stops));
        Assert.Equal((Reason.PowerLoss, 2345, LastMeterAt, (string?)null), (stop.Reason!.Value, stop.MeterStop, stop.Timestamp, stop.IdTag));
        Assert.Null(stop.TransactionData);
        var warning = Assert.Single(harness.Block.Logs.Entries, e => e.EventId.Id == 2302);
        Assert.Equal(LogLevel.Warning, warning.Level);
    }

    [Fact]
    [Trait("Cert", "AQ-7.2")]
    public async Task The_StopTransaction_of_an_interrupted_transaction_leaves_once_online_with_its_transactionId()
    {
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { OpenTransactions = [Interrupted] }, online: false);
        await harness.Block.LockedAsync(harness.Transactions.RecoverAfterPowerLoss);
        Assert.Equal(1, harness.Outbox.Pending);

        await harness.Block.GoOnlineAsync();

        var stop = await harness.Block.CentralSystem.NextCallOfAsync<StopTransactionRequest>();
        Assert.Equal((4711, Reason.PowerLoss, 2345, LastMeterAt), (stop.TransactionId, stop.Reason!.Value, stop.MeterStop, stop.Timestamp));
        Assert.Equal("StopTransaction", await harness.NextDeliveryAsync());
        Assert.Equal(0, harness.Outbox.Pending);
    }

    [Fact]
    public async Task A_last_reading_below_meterStart_stops_at_meterStart()
    {
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { OpenTransactions = [Interrupted with { LastMeterWh = 12.5 }] }, online: false);

        await harness.Block.LockedAsync(harness.Transactions.RecoverAfterPowerLoss);

        Assert.Equal(1000, Decode(Assert.Single(harness.TransactionStore.Stops)).MeterStop);
    }

    [Fact]
    public async Task Every_interrupted_transaction_is_stopped_in_the_order_it_began()
    {
        var second = Interrupted with { LocalId = 9, ConnectorId = 2, TransactionId = 4712, LastMeterWh = 10, MeterStartWh = 5 };
        var model = StationModel.Tsct2007Cp with { Connectors = [new(), new()] };
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { Model = model, OpenTransactions = [second, Interrupted] }, online: false);

        await harness.Block.LockedAsync(harness.Transactions.RecoverAfterPowerLoss);

        Assert.Equal([7, 9], harness.TransactionStore.Stops.Select(s => s.LocalTransactionId!.Value));
        Assert.Equal([2345, 10], harness.TransactionStore.Stops.Select(s => Decode(s).MeterStop));
    }

    [Fact]
    public async Task Without_interrupted_transactions_nothing_is_queued()
    {
        await using var harness = await SessionHarness.StartAsync(online: false);

        await harness.Block.LockedAsync(harness.Transactions.RecoverAfterPowerLoss);

        Assert.Equal(0, harness.Outbox.Pending);
        Assert.DoesNotContain(harness.Block.Logs.Entries, e => e.EventId.Id == 2302);
    }

    [Fact]
    public async Task A_recovered_station_has_no_running_transaction_and_its_connector_is_free()
    {
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { OpenTransactions = [Interrupted] }, online: false);

        await harness.Block.LockedAsync(harness.Transactions.RecoverAfterPowerLoss);

        Assert.Empty(harness.Transactions.Active);
        Assert.True(harness.Connectors.IsUsable(1));
    }

    private static StopTransactionRequest Decode(OutboxMessage message)
    {
        Assert.Equal("StopTransaction", message.Action);
        Assert.True(OcppActions.StopTransaction.Request.TryRead(Encoding.UTF8.GetBytes(message.Payload), out var request, out var error), error.Description);
        return (StopTransactionRequest)request;
    }
}
