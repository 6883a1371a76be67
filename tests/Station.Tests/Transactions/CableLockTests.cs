using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Configuration;
using Station.Hardware.Simulated;
using Station.Model;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Transactions;

/// <summary>The cable lock of a detachable cable (a socket outlet) over a transaction's life.</summary>
public sealed class CableLockTests
{
    private static readonly StationModel Socket = StationModel.Tsct2007Cp with { Connectors = [new ConnectorModel { Type = "cType2", FixedCable = false }] };

    [Fact]
    public async Task Starting_a_transaction_locks_the_cable_before_power_flows()
    {
        await using var harness = await StartAsync();

        await harness.StartTransactionAsync(1, "CARD-1");

        Assert.True(Lock(harness).IsLocked);
        Assert.True(harness.Hardware.Connectors[0].Contactor.IsClosed);
    }

    [Fact]
    [Trait("Cert", "TC_012_CS")]
    public async Task A_remote_stop_releases_the_cable_lock()
    {
        await using var harness = await StartAsync();
        var transaction = await harness.StartTransactionAsync(1, "CARD-1");

        // OCPP 1.6 §5.12: the Charge Point SHALL send a StopTransaction.req and, if applicable, unlock the connector.
        await harness.Block.LockedAsync(() => harness.Transactions.StopAsync(transaction, Reason.Remote));

        Assert.False(harness.Hardware.Connectors[0].Contactor.IsClosed);
        Assert.False(Lock(harness).IsLocked);
    }

    [Fact]
    [Trait("Cert", "C-08")]
    public async Task A_local_stop_with_the_card_releases_the_cable_lock()
    {
        await using var harness = await StartAsync();
        await harness.StartTransactionAsync(1, "CARD-1");

        await harness.Hardware.PresentCardAsync("CARD-1").AsTask().OrTimeout();

        Assert.Empty(harness.Transactions.Active);
        Assert.False(Lock(harness).IsLocked);
    }

    [Fact]
    [Trait("Cert", "C-08")]
    public async Task The_stop_button_releases_the_cable_lock()
    {
        await using var harness = await StartAsync();
        await harness.StartTransactionAsync(1, "CARD-1");

        await harness.Hardware.PressStopButtonAsync(1).AsTask().OrTimeout();

        Assert.Empty(harness.Transactions.Active);
        Assert.False(Lock(harness).IsLocked);
    }

    [Fact]
    [Trait("Cert", "C-06.2")]
    public async Task Without_UnlockConnectorOnEVSideDisconnect_the_cable_stays_locked_when_the_EV_leaves()
    {
        await using var harness = await StartAsync(new() { [CoreKeys.UnlockConnectorOnEVSideDisconnect] = "false" });
        await harness.StartTransactionAsync(1, "CARD-1");

        await harness.Hardware.UnplugAsync(1).AsTask().OrTimeout();

        Assert.Empty(harness.Transactions.Active);
        Assert.True(Lock(harness).IsLocked);
    }

    [Fact]
    public async Task Unplugging_the_EV_after_a_transaction_ended_otherwise_releases_the_cable_lock()
    {
        await using var harness = await StartAsync();
        harness.Block.CentralSystem.Answer(OcppActions.StartTransaction, _ => new StartTransactionResponse { TransactionId = 5, IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Invalid } });
        await harness.StartTransactionAsync(1, "CARD-1");
        Assert.Equal("StartTransaction", await harness.NextDeliveryAsync());
        Assert.Empty(harness.Transactions.Active);
        Assert.True(Lock(harness).IsLocked);

        await harness.Hardware.UnplugAsync(1).AsTask().OrTimeout();

        Assert.False(Lock(harness).IsLocked);
    }

    [Fact]
    [Trait("Cert", "C-06.1")]
    public async Task A_transaction_kept_after_the_EV_left_locks_the_cable_again_before_power_flows_again()
    {
        await using var harness = await StartAsync(new() { [CoreKeys.StopTransactionOnEVSideDisconnect] = "false" });
        var transaction = await harness.StartTransactionAsync(1, "CARD-1");
        await harness.Hardware.UnplugAsync(1).AsTask().OrTimeout();
        Assert.False(Lock(harness).IsLocked);

        await harness.Hardware.PlugAsync(1).AsTask().OrTimeout();

        Assert.Same(transaction, harness.Transactions.On(1));
        Assert.True(Lock(harness).IsLocked);
        Assert.True(harness.Hardware.Connectors[0].Contactor.IsClosed);
    }

    [Fact]
    [Trait("Cert", "C-06.1")]
    public async Task A_kept_transaction_whose_cable_cannot_be_locked_again_gets_no_power_and_shows_the_lock_failure()
    {
        await using var harness = await StartAsync(new() { [CoreKeys.StopTransactionOnEVSideDisconnect] = "false" });
        await harness.StartTransactionAsync(1, "CARD-1");
        await harness.Hardware.UnplugAsync(1).AsTask().OrTimeout();
        Lock(harness).Jammed = true;

        await harness.Hardware.PlugAsync(1).AsTask().OrTimeout();

        Assert.False(Lock(harness).IsLocked);
        Assert.False(harness.Hardware.Connectors[0].Contactor.IsClosed);
        Assert.Equal((ChargePointStatus.Faulted, ChargePointErrorCode.ConnectorLockFailure), (harness.Connectors.Evaluate(1).Status, harness.Connectors.Evaluate(1).ErrorCode));
    }

    private static SimulatedConnectorLock Lock(SessionHarness harness) => harness.Hardware.Connectors[0].Lock!;

    private static Task<SessionHarness> StartAsync(Dictionary<string, string>? configuration = null) =>
        SessionHarness.StartAsync(new BlockHarnessOptions { Model = Socket, Configuration = configuration ?? [] });
}
