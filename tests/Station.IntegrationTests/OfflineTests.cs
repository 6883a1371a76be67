using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>Connection loss: the station keeps working and delivers every transaction message, once and in order.</summary>
public sealed class OfflineTests(ITestOutputHelper output)
{
    private StationHarnessOptions Options(Dictionary<string, string>? configuration = null) =>
        CertificationOptions(output.WriteLine, configuration) with { CuttableNetwork = true };

    [Fact]
    [Trait("Cert", "TC_036_CS")]
    public async Task TC_036_CS_Values_sampled_offline_arrive_oldest_first_before_new_ones()
    {
        await using var harness = await StationHarness.StartAsync(Options(new() { ["MeterValueSampleInterval"] = "15", ["ClockAlignedDataInterval"] = "0" }));
        var session = await harness.BootAsync();
        var transactionId = await harness.RemoteStartChargingAsync(session);

        await harness.GoOfflineAsync();
        for (var i = 0; i < 3; i++)
        {
            await harness.AdvanceAsync(TimeSpan.FromSeconds(15));
        }

        var online = await harness.GoOnlineAsync(session);
        var reconnectedAt = harness.Clock.GetUtcNow();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(15));
        var values = await online.CallsAsync<MeterValuesRequest>(0, 4);

        Assert.All(values, v => Assert.Equal(transactionId, v.TransactionId));
        var times = values.Select(v => v.MeterValue[0].Timestamp).ToList();
        Assert.Equal(TimeSpan.FromSeconds(15), times[1] - times[0]);
        Assert.Equal(TimeSpan.FromSeconds(15), times[2] - times[1]);
        Assert.True(times[2] <= reconnectedAt, "the first three were sampled offline");
        Assert.True(times[3] > reconnectedAt, "the fourth is live and comes after them");
    }

    [Fact]
    [Trait("Cert", "TC_037_1_CS")]
    public async Task TC_037_1_CS_A_cached_card_starts_offline_and_the_StartTransaction_follows_online()
    {
        await using var harness = await StationHarness.StartAsync(Options(new() { ["AuthorizationCacheEnabled"] = "true", ["LocalAuthorizeOffline"] = "true" }));
        var session = await harness.BootAsync();
        await harness.CacheAsync(session, ValidIdTag);

        await harness.GoOfflineAsync();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        var startedOffline = harness.Clock.GetUtcNow();
        harness.Clock.Advance(TimeSpan.FromSeconds(5));

        var online = await harness.GoOnlineAsync(session);
        var start = await online.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
        Assert.Equal(ValidIdTag, start.IdTag);
        Assert.Equal(startedOffline, start.Timestamp);
        await online.NextStatus(0, 1, ChargePointStatus.Charging);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [Trait("Cert", "TC_037_2_CS")]
    [Trait("Cert", "TC_037_3_CS")]
    public async Task TC_037_2_3_CS_An_offline_start_the_Central_System_declares_invalid_is_suspended_or_stopped(bool stopOnInvalid)
    {
        const string revoked = "RFID_REVOKED";
        await using var harness = await StationHarness.StartAsync(Options(new()
        {
            ["AuthorizationCacheEnabled"] = "true",
            ["LocalAuthorizeOffline"] = "true",
            ["StopTransactionOnInvalidId"] = stopOnInvalid ? "true" : "false",
            ["MaxEnergyOnInvalidId"] = "0",
        }));
        var session = await harness.BootAsync();
        await harness.CacheAsync(session, revoked);

        // From now on the Central System refuses the tag the station still holds as valid.
        harness.Csms.Handle(OcppActions.StartTransaction, (_, request) => new StartTransactionResponse
        {
            TransactionId = harness.Csms.NextTransactionId(),
            IdTagInfo = new IdTagInfo { Status = request.IdTag == revoked ? AuthorizationStatus.Invalid : AuthorizationStatus.Accepted },
        });
        await harness.GoOfflineAsync();
        await harness.Hardware.PresentCardAsync(revoked).OrTimeout();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        await harness.Hardware.PlugAsync(1).OrTimeout();

        var online = await harness.GoOnlineAsync(session);
        await online.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
        if (stopOnInvalid)
        {
            var stop = await online.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();
            Assert.Equal(Reason.DeAuthorized, stop.Reason);
            await online.NextStatus(0, 1, ChargePointStatus.Finishing);
        }
        else
        {
            await online.NextStatus(0, 1, ChargePointStatus.SuspendedEVSE);
            Assert.False(harness.Hardware.Connector(1)!.Contactor.IsClosed);
        }
    }

    [Fact]
    [Trait("Cert", "TC_038_CS")]
    public async Task TC_038_CS_A_transaction_stopped_offline_is_reported_after_reconnecting()
    {
        await using var harness = await StationHarness.StartAsync(Options());
        var session = await harness.BootAsync();
        var transactionId = await harness.StartChargingAsync(session);

        await harness.GoOfflineAsync();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();

        var online = await harness.GoOnlineAsync(session);
        var stop = await online.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();
        Assert.Equal(transactionId, stop.TransactionId);
        Assert.Equal(Reason.Local, stop.Reason);
        await online.NextStatus(0, 1, ChargePointStatus.Finishing);
    }

    [Fact]
    [Trait("Cert", "TC_039_CS")]
    public async Task TC_039_CS_A_whole_offline_transaction_is_delivered_with_the_transactionId_the_start_got()
    {
        await using var harness = await StationHarness.StartAsync(Options(new() { ["AllowOfflineTxForUnknownId"] = "true" }));
        var session = await harness.BootAsync();

        await harness.GoOfflineAsync();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await harness.Hardware.UnplugAsync(1).OrTimeout();

        var online = await harness.GoOnlineAsync(session);
        var start = await online.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
        var stop = await online.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();
        var assigned = online.Frames.Single(f => f.IsAnswerTo(OcppActions.StartTransaction)).Payload as StartTransactionResponse;

        Assert.Equal(assigned!.TransactionId, stop.TransactionId);
        Assert.Equal(Reason.Local, stop.Reason);
        Assert.True(stop.MeterStop > start.MeterStart);
    }

    [Fact]
    public async Task Transactions_started_and_stopped_offline_are_delivered_once_and_in_order()
    {
        await using var harness = await StationHarness.StartAsync(Options(new()
        {
            ["AllowOfflineTxForUnknownId"] = "true",
            ["MeterValueSampleInterval"] = "30",
            ["ClockAlignedDataInterval"] = "0",
        }));
        var session = await harness.BootAsync();

        await harness.GoOfflineAsync();
        foreach (var idTag in new[] { "OFFLINE-A", "OFFLINE-B" })
        {
            await harness.Hardware.PresentCardAsync(idTag).OrTimeout();
            await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
            await harness.Hardware.PlugAsync(1).OrTimeout();
            await harness.AdvanceAsync(TimeSpan.FromSeconds(30));
            await harness.AdvanceAsync(TimeSpan.FromSeconds(30));
            await harness.Hardware.PresentCardAsync(idTag).OrTimeout();
            await harness.Hardware.UnplugAsync(1).OrTimeout();
        }

        Assert.Equal(8, harness.Station.Outbox.Pending);
        var online = await harness.GoOnlineAsync(session);
        await online.CallsAsync<StopTransactionRequest>(0, 2);
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();

        var delivered = online.Frames.Where(f => f.IsCall(Ocpp16.Rpc.FrameDirection.Received) && f.Action is "StartTransaction" or "StopTransaction" or "MeterValues").ToList();
        Assert.Equal(
            ["StartTransaction", "MeterValues", "MeterValues", "StopTransaction", "StartTransaction", "MeterValues", "MeterValues", "StopTransaction"],
            delivered.Select(f => f.Action));
        var ids = online.Frames.Where(f => f.IsAnswerTo(OcppActions.StartTransaction)).Select(f => ((StartTransactionResponse)f.Payload!).TransactionId).ToList();
        Assert.Equal([ids[0], ids[0], ids[0], ids[1], ids[1], ids[1]], delivered.Select(f => f.Payload switch
        {
            MeterValuesRequest m => m.TransactionId!.Value,
            StopTransactionRequest s => s.TransactionId,
            _ => -1,
        }).Where(id => id != -1));
        Assert.Equal(0, harness.Station.Outbox.Pending);
    }
}
