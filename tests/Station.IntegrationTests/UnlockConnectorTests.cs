using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>UnlockConnector and the cable lock, with the built-in fixed cable and a detachable-cable model.</summary>
public sealed class UnlockConnectorTests(ITestOutputHelper output)
{
    private StationHarnessOptions Detachable => DetachableCableOptions(output.WriteLine);

    [Fact]
    [Trait("Cert", "TC_017_1_CS")]
    public async Task TC_017_1_CS_A_detachable_cable_is_unlocked()
    {
        await using var harness = await StationHarness.StartAsync(Detachable);
        var session = await harness.BootAsync();

        var answer = await session.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 }).OrTimeout();

        Assert.Equal(UnlockStatus.Unlocked, answer.Status);
    }

    [Fact]
    [Trait("Cert", "TC_017_2_CS")]
    public async Task TC_017_2_CS_A_fixed_cable_cannot_be_unlocked()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();

        var answer = await session.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 }).OrTimeout();

        Assert.Equal(UnlockStatus.NotSupported, answer.Status);
    }

    [Fact]
    [Trait("Cert", "TC_018_1_CS")]
    public async Task TC_018_1_CS_Unlocking_during_a_transaction_stops_it_with_UnlockCommand()
    {
        await using var harness = await StationHarness.StartAsync(Detachable);
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);
        Assert.True(harness.Hardware.Connector(1)!.Lock!.IsLocked);
        var mark = session.LastSequence;

        var answer = await session.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 }).OrTimeout();

        Assert.Equal(UnlockStatus.Unlocked, answer.Status);
        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.UnlockCommand, stop.Reason);
        Assert.Equal(transactionId, stop.TransactionId);
        await session.NextStatus(mark, 1, ChargePointStatus.Finishing);
        await harness.Hardware.UnplugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Available);
    }

    [Fact]
    [Trait("Cert", "TC_018_2_CS")]
    public async Task TC_018_2_CS_Unlocking_a_fixed_cable_during_a_transaction_is_not_supported_and_the_transaction_goes_on()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);

        var answer = await session.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 }).OrTimeout();

        Assert.Equal(UnlockStatus.NotSupported, answer.Status);
        Assert.Equal(transactionId, (await harness.Station.SnapshotAsync()).Connectors[0].TransactionId);
    }

    [Fact]
    [Trait("Cert", "TC_030_CS")]
    public async Task TC_030_CS_A_jammed_lock_answers_UnlockFailed()
    {
        await using var harness = await StationHarness.StartAsync(Detachable);
        var session = await harness.BootAsync();
        harness.Hardware.Connector(1)!.Lock!.Jammed = true;

        var answer = await session.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 }).OrTimeout();

        Assert.Equal(UnlockStatus.UnlockFailed, answer.Status);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-1)]
    [Trait("Cert", "TC_031_CS")]
    public async Task TC_031_CS_An_unknown_connector_is_not_supported(int connectorId)
    {
        await using var harness = await StationHarness.StartAsync(Detachable);
        var session = await harness.BootAsync();

        var answer = await session.CallAsync(new UnlockConnectorRequest { ConnectorId = connectorId }).OrTimeout();

        Assert.Equal(UnlockStatus.NotSupported, answer.Status);
    }

    [Fact]
    [Trait("Cert", "TC_024_CS")]
    public async Task TC_024_CS_A_lock_that_cannot_close_faults_the_connector_and_starts_nothing()
    {
        await using var harness = await StationHarness.StartAsync(Detachable);
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = ValidIdTag }).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);

        harness.Hardware.Connector(1)!.Lock!.Jammed = true;
        await harness.Hardware.PlugAsync(1).OrTimeout();

        var faulted = await session.NextStatus(mark, 1, ChargePointStatus.Faulted);
        Assert.Equal(ChargePointErrorCode.ConnectorLockFailure, faulted.ErrorCode);
        Assert.Empty(session.CallsSince<StartTransactionRequest>(mark));
    }

    [Fact]
    [Trait("Cert", "TC_005_1_CS")]
    public async Task TC_005_1_CS_Unplugging_the_EV_stops_the_transaction_and_releases_the_lock()
    {
        var options = Detachable with
        {
            Configuration = new Dictionary<string, string> { ["StopTransactionOnEVSideDisconnect"] = "true", ["UnlockConnectorOnEVSideDisconnect"] = "true" },
        };
        await using var harness = await StationHarness.StartAsync(options);
        var session = await harness.BootAsync();
        await harness.RemoteStartChargingAsync(session);
        var mark = session.LastSequence;

        await harness.Hardware.UnplugEvAsync(1).OrTimeout();

        var stop = await session.Next<StopTransactionRequest>(mark);
        Assert.Equal(Reason.EVDisconnected, stop.Reason);
        Assert.False(harness.Hardware.Connector(1)!.Lock!.IsLocked);
        await session.NextStatus(mark, 1, ChargePointStatus.Finishing);

        // S2: the cable taken out of the socket, the connector is free.
        await harness.Hardware.UnplugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Available);
        Assert.Equal([ChargePointStatus.Finishing, ChargePointStatus.Available], session.CallsAfter<StatusNotificationRequest>(mark).Select(s => s.Status));
    }
}
