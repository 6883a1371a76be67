using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Configuration;
using Station.Connectors;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Transactions;

/// <summary>
/// What the Central System's answers to StartTransaction and StopTransaction change: the
/// transactionId, the cache (C-04) and, for an idTag declared invalid, the energy still delivered (C-03).
/// </summary>
public sealed class TransactionConfirmationTests
{
    private static readonly Dictionary<string, string> KeepInvalidTransactions = new()
    {
        [CoreKeys.StopTransactionOnInvalidId] = "false",
        [CoreKeys.MeterValueSampleInterval] = "0",
    };

    [Fact]
    [Trait("Cert", "C-04")]
    public async Task The_StartTransaction_answer_gives_the_transaction_its_id_and_parent_and_updates_the_cache()
    {
        await using var harness = await SessionHarness.StartAsync();
        var info = new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = "FLEET", ExpiryDate = VirtualClock.Epoch.AddDays(7) };
        harness.Block.CentralSystem.Answer(OcppActions.StartTransaction, _ => new StartTransactionResponse { TransactionId = 77, IdTagInfo = info });

        var transaction = await harness.StartTransactionAsync(1, "CARD-1");
        Assert.Null(transaction.TransactionId);
        Assert.Equal("StartTransaction", await harness.NextDeliveryAsync());

        Assert.Equal((77, "FLEET"), (transaction.TransactionId, transaction.ParentIdTag));
        Assert.Same(transaction, harness.Transactions.FindByTransactionId(77));
        Assert.Equal(info, harness.CacheStore.Find("CARD-1")!.Info);
    }

    [Fact]
    [Trait("Cert", "C-04")]
    public async Task The_StopTransaction_answer_updates_the_cache_for_the_idTag_that_stopped()
    {
        await using var harness = await SessionHarness.StartAsync();
        harness.Block.CentralSystem.Answer(OcppActions.StopTransaction, _ => new StopTransactionResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Blocked } });
        var transaction = await harness.StartTransactionAsync(1, "CARD-1");
        Assert.Equal("StartTransaction", await harness.NextDeliveryAsync());

        await harness.Block.LockedAsync(() => harness.Transactions.StopAsync(transaction, Reason.Local, "CARD-2"));
        Assert.Equal("StopTransaction", await harness.NextDeliveryAsync());

        Assert.Equal(AuthorizationStatus.Blocked, harness.CacheStore.Find("CARD-2")!.Info.Status);
        Assert.Equal(AuthorizationStatus.Accepted, harness.CacheStore.Find("CARD-1")!.Info.Status);
    }

    [Fact]
    [Trait("Cert", "C-03")]
    public async Task An_idTag_declared_invalid_is_charged_up_to_MaxEnergyOnInvalidId_then_suspended()
    {
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions
        {
            Configuration = new Dictionary<string, string>(KeepInvalidTransactions) { [CoreKeys.MaxEnergyOnInvalidId] = "500" },
        });
        harness.Block.CentralSystem.Answer(OcppActions.StartTransaction, _ => new StartTransactionResponse { TransactionId = 77, IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Invalid } });
        var transaction = await harness.StartTransactionAsync(1, "CARD-1");
        Assert.Equal("StartTransaction", await harness.NextDeliveryAsync());
        Assert.Equal(500, transaction.EnergyLimitWh);

        // 7200 W: 500 Wh take 250 s.
        await harness.Block.AdvanceAsync(TimeSpan.FromSeconds(249));
        await harness.Block.LockedAsync(harness.Transactions.CheckpointAsync);
        Assert.Equal(ChargePointStatus.Charging, harness.Connectors.Evaluate(1).Status);

        await harness.Block.AdvanceAsync(TimeSpan.FromSeconds(1));
        await harness.Block.LockedAsync(harness.Transactions.CheckpointAsync);

        Assert.Equal(ChargePointStatus.SuspendedEVSE, harness.Connectors.Evaluate(1).Status);
        Assert.True(transaction.SuspendedByStation);
        Assert.False(harness.Hardware.Connectors[0].Contactor.IsClosed);
        Assert.Same(transaction, harness.Transactions.On(1));
        Assert.Equal(500, harness.TransactionStore.Journaled(transaction.LocalId).LastMeterWh);
    }

    [Fact]
    [Trait("Cert", "C-03")]
    public async Task Without_an_energy_allowance_an_idTag_declared_invalid_is_suspended_at_once()
    {
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { Configuration = KeepInvalidTransactions });
        harness.Block.CentralSystem.Answer(OcppActions.StartTransaction, _ => new StartTransactionResponse { TransactionId = 77, IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Blocked } });

        var transaction = await harness.StartTransactionAsync(1, "CARD-1");
        Assert.Equal("StartTransaction", await harness.NextDeliveryAsync());

        Assert.Equal(SessionPhase.SuspendedByStation, harness.Connectors[1].Session);
        Assert.Equal(ChargePointStatus.SuspendedEVSE, harness.Connectors.Evaluate(1).Status);
        Assert.False(harness.Hardware.Connectors[0].Contactor.IsClosed);
        Assert.Same(transaction, harness.Transactions.On(1));
    }

    [Fact]
    public async Task An_idTag_declared_invalid_stops_the_transaction_with_DeAuthorized_by_default()
    {
        await using var harness = await SessionHarness.StartAsync();
        harness.Block.CentralSystem.Answer(OcppActions.StartTransaction, _ => new StartTransactionResponse { TransactionId = 77, IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Expired } });

        await harness.StartTransactionAsync(1, "CARD-1");
        Assert.Equal("StartTransaction", await harness.NextDeliveryAsync());

        Assert.Empty(harness.Transactions.Active);
        var stop = await harness.Block.CentralSystem.NextCallOfAsync<StopTransactionRequest>();
        Assert.Equal((77, Reason.DeAuthorized), (stop.TransactionId, stop.Reason!.Value));
    }
}
