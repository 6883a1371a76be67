using CentralSystem.Tests.Support;
using Ocpp16.Messages;
using Xunit;

namespace CentralSystem.Tests;

public sealed class DefaultAnswerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset EventTime = new(2031, 3, 7, 9, 40, 0, TimeSpan.Zero);
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync(new CentralSystemOptions
    {
        HeartbeatInterval = 42,
        DeniedIdTags = ["BLOCKED01"],
        ParentIdTags = new Dictionary<string, string> { ["CHILD01"] = "FLEET01" },
    });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task Boot_notification_is_accepted_with_the_server_time_and_the_heartbeat_interval()
    {
        await using var chargePoint = await _csms.ConnectAsync("cp001");

        var answer = await chargePoint.BootAsync();

        Assert.Equal(RegistrationStatus.Accepted, answer.Status);
        Assert.Equal(42, answer.Interval);
        Assert.Equal(TestCentralSystem.Start, answer.CurrentTime);
    }

    [Fact]
    public async Task Heartbeat_answers_the_current_time_of_the_server_clock()
    {
        await using var chargePoint = await _csms.ConnectAsync("cp001");
        _csms.Time.Advance(TimeSpan.FromMinutes(5));

        var answer = await chargePoint.CallAsync(new HeartbeatRequest());

        Assert.Equal(TestCentralSystem.Start.AddMinutes(5), answer.CurrentTime);
    }

    [Fact]
    public async Task Authorize_accepts_every_id_tag_except_denied_ones_and_gives_configured_parents()
    {
        await using var chargePoint = await _csms.ConnectAsync("cp001");

        var accepted = await chargePoint.CallAsync(new AuthorizeRequest { IdTag = "ABC123" });
        var denied = await chargePoint.CallAsync(new AuthorizeRequest { IdTag = "blocked01" });
        var child = await chargePoint.CallAsync(new AuthorizeRequest { IdTag = "CHILD01" });

        Assert.Equal(new IdTagInfo { Status = AuthorizationStatus.Accepted }, accepted.IdTagInfo);
        Assert.Equal(AuthorizationStatus.Invalid, denied.IdTagInfo.Status);
        Assert.Equal(new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = "FLEET01" }, child.IdTagInfo);
    }

    [Fact]
    public async Task Start_transaction_gives_increasing_ids_from_one_across_stations_and_judges_the_id_tag()
    {
        await using var first = await _csms.ConnectAsync("cp001");
        await using var second = await _csms.ConnectAsync("cp002");

        var one = await first.CallAsync(Start(1, "ABC123"));
        var two = await second.CallAsync(Start(1, "BLOCKED01"));
        var three = await first.CallAsync(Start(2, "CHILD01"));

        Assert.Equal([1, 2, 3], [one.TransactionId, two.TransactionId, three.TransactionId]);
        Assert.Equal(AuthorizationStatus.Accepted, one.IdTagInfo.Status);
        Assert.Equal(AuthorizationStatus.Invalid, two.IdTagInfo.Status);
        Assert.Equal("FLEET01", three.IdTagInfo.ParentIdTag);
    }

    [Fact]
    public async Task Stop_transaction_has_id_tag_info_only_when_it_names_an_id_tag()
    {
        await using var chargePoint = await _csms.ConnectAsync("cp001");

        var withTag = await chargePoint.CallAsync(Stop("BLOCKED01"));
        var withoutTag = await chargePoint.CallAsync(Stop(null));

        Assert.Equal(AuthorizationStatus.Invalid, withTag.IdTagInfo?.Status);
        Assert.Null(withoutTag.IdTagInfo);
    }

    [Fact]
    public async Task Notifications_and_meter_values_get_empty_answers()
    {
        await using var chargePoint = await _csms.ConnectAsync("cp001");

        Assert.Equal(new StatusNotificationResponse(), await chargePoint.CallAsync(SampleRequests.StatusNotification));
        Assert.Equal(new MeterValuesResponse(), await chargePoint.CallAsync(SampleRequests.MeterValues));
        Assert.Equal(new FirmwareStatusNotificationResponse(), await chargePoint.CallAsync(new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Installed }));
        Assert.Equal(new DiagnosticsStatusNotificationResponse(), await chargePoint.CallAsync(new DiagnosticsStatusNotificationRequest { Status = DiagnosticsStatus.Uploaded }));
    }

    [Fact]
    public async Task Data_transfer_is_answered_unknown_vendor_id()
    {
        await using var chargePoint = await _csms.ConnectAsync("cp001");

        var answer = await chargePoint.CallAsync(new DataTransferRequest { VendorId = "com.example", MessageId = "ping", Data = "{}" });

        Assert.Equal(DataTransferStatus.UnknownVendorId, answer.Status);
    }

    [Fact]
    public async Task Sign_certificate_is_answered_rejected_because_the_built_in_central_system_signs_nothing()
    {
        await using var chargePoint = await _csms.ConnectAsync("cp001");

        var answer = await chargePoint.CallAsync(new SignCertificateRequest { Csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n" });

        Assert.Equal(GenericStatusEnumType.Rejected, answer.Status);
    }

    [Fact]
    public async Task Every_charge_point_action_of_the_catalog_gets_a_default_answer()
    {
        var sentByChargePoints = OcppActions.All
            .Where(action => action.Direction is MessageDirection.ChargePointToCentralSystem or MessageDirection.Both)
            .Select(action => action.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(sentByChargePoints, SampleRequests.ForEveryChargePointAction.Keys.Order(StringComparer.Ordinal));
        await using var chargePoint = await _csms.ConnectAsync("cp001");

        foreach (var (name, request) in SampleRequests.ForEveryChargePointAction)
        {
            Assert.True(OcppActions.TryGet(name, out var action));
            var answer = await chargePoint.CallAsync(action, request);
            Assert.IsType(action.Response.ClrType, answer);
        }

        Assert.Equal(SampleRequests.ForEveryChargePointAction.Count, _csms.SchemaChecked);
    }

    private static StartTransactionRequest Start(int connectorId, string idTag) =>
        new() { ConnectorId = connectorId, IdTag = idTag, MeterStart = 0, Timestamp = EventTime };

    private static StopTransactionRequest Stop(string? idTag) =>
        new() { TransactionId = 7, IdTag = idTag, MeterStop = 1234, Timestamp = EventTime };
}
