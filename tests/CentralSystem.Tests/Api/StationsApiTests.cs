using System.Net;
using CentralSystem.Tests.Support;
using Ocpp16.Messages;
using Xunit;

namespace CentralSystem.Tests.Api;

/// <summary><c>GET /stations</c> and <c>GET /stations/{id}</c>: what the Central System learnt from each station's frames.</summary>
public sealed class StationsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset EventTime = new(2031, 3, 7, 9, 40, 0, TimeSpan.Zero);
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync(new CentralSystemOptions { EnableHttpApi = true });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task No_station_is_an_empty_list()
    {
        var stations = await _csms.Api.GetAsync("stations");

        Assert.Equal("[]", stations.Ok().GetRawText());
    }

    [Fact]
    public async Task A_station_is_listed_with_its_boot_registration_connectors_and_open_transactions()
    {
        var chargePoint = await _csms.ConnectAsync("CP001");
        await chargePoint.CallAsync(new BootNotificationRequest { ChargePointVendor = "Acme", ChargePointModel = "Duo-22", FirmwareVersion = "1.4.2" });
        await chargePoint.CallAsync(SampleRequests.StatusNotification with { ConnectorId = 0, Status = ChargePointStatus.Available });
        await chargePoint.CallAsync(SampleRequests.StatusNotification with { ConnectorId = 2, Status = ChargePointStatus.Faulted, ErrorCode = ChargePointErrorCode.GroundFailure, Info = "leak" });
        var started = await chargePoint.CallAsync(SampleRequests.StartTransaction with { ConnectorId = 1, IdTag = "CARD1", MeterStart = 1200 });
        await chargePoint.CallAsync(SampleRequests.MeterValues with { TransactionId = started.TransactionId });

        var station = Assert.Single((await _csms.Api.GetAsync("stations")).Ok().EnumerateArray());

        Assert.Equal("CP001", station.GetProperty("chargePointId").GetString());
        Assert.True(station.GetProperty("connected").GetBoolean());
        Assert.Equal("2031-03-07T09:41:17.123Z", station.GetProperty("connectedAt").GetString());
        Assert.Equal("127.0.0.1", station.GetProperty("remoteAddress").GetString());
        Assert.Equal(10, station.GetProperty("lastSequence").GetInt64());
        Assert.Equal("""{"chargePointVendor":"Acme","chargePointModel":"Duo-22","firmwareVersion":"1.4.2"}""", station.GetProperty("bootNotification").GetRawText());
        Assert.Equal("Accepted", station.GetProperty("registration").GetString());
        Assert.Equal(
            """[{"connectorId":0,"status":"Available","errorCode":"NoError","timestamp":"2031-03-07T09:40:00.000Z"},""" +
            """{"connectorId":2,"status":"Faulted","errorCode":"GroundFailure","info":"leak","timestamp":"2031-03-07T09:40:00.000Z"}]""",
            station.GetProperty("connectors").GetRawText());
        Assert.Equal(
            $$"""[{"transactionId":{{started.TransactionId}},"connectorId":1,"idTag":"CARD1","meterStart":1200,"startedAt":"2031-03-07T09:40:00.000Z","idTagStatus":"Accepted","meterWh":1234}]""",
            station.GetProperty("transactions").GetRawText());
    }

    [Fact]
    public async Task A_stopped_transaction_is_no_longer_listed_and_the_latest_status_wins()
    {
        var chargePoint = await _csms.ConnectAsync("CP001");
        var started = await chargePoint.CallAsync(SampleRequests.StartTransaction);
        await chargePoint.CallAsync(SampleRequests.StatusNotification with { Status = ChargePointStatus.Charging });
        await chargePoint.CallAsync(new StopTransactionRequest { TransactionId = started.TransactionId, MeterStop = 10, Timestamp = EventTime });
        await chargePoint.CallAsync(SampleRequests.StatusNotification with { Status = ChargePointStatus.Finishing });

        var station = (await _csms.Api.GetAsync("stations/CP001")).Ok();

        Assert.Equal("[]", station.GetProperty("transactions").GetRawText());
        Assert.Equal("Finishing", Assert.Single(station.GetProperty("connectors").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_open_transaction_survives_a_reconnect_and_the_new_connection_is_listed()
    {
        var (first, firstSession) = await _csms.ConnectWithSessionAsync("CP001");
        var started = await first.CallAsync(SampleRequests.StartTransaction);
        await first.DisposeAsync();
        await firstSession.WaitForDisconnectAsync().Bounded();
        await _csms.ConnectAsync("CP001");
        await _csms.Server.WaitForStationAsync("CP001", s => s != firstSession).Bounded();

        var station = (await _csms.Api.GetAsync("stations/CP001")).Ok();

        Assert.Equal(started.TransactionId, Assert.Single(station.GetProperty("transactions").EnumerateArray()).GetProperty("transactionId").GetInt32());
        Assert.True(station.GetProperty("connected").GetBoolean());
        Assert.Equal(0, station.GetProperty("lastSequence").GetInt64());
    }

    [Fact]
    public async Task A_disconnected_station_is_not_listed_and_not_found()
    {
        var (chargePoint, session) = await _csms.ConnectWithSessionAsync("CP001");
        await chargePoint.DisposeAsync();
        await session.WaitForDisconnectAsync().Bounded();

        var stations = await _csms.Api.GetAsync("stations");
        var station = await _csms.Api.GetAsync("stations/CP001");

        Assert.Equal("[]", stations.Ok().GetRawText());
        Assert.Equal("station 'CP001' is not connected", station.ErrorFor(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task The_registration_is_the_status_the_Central_System_answered()
    {
        _csms.Server.SetAnswers(_csms.Server.Answers with { BootStatus = RegistrationStatus.Pending });
        var chargePoint = await _csms.ConnectAsync("CP001");
        await chargePoint.BootAsync();

        var station = (await _csms.Api.GetAsync("stations/CP001")).Ok();

        Assert.Equal("Pending", station.GetProperty("registration").GetString());
    }
}
