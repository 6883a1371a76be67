using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>UpdateFirmware end to end over HTTP and HTTPS (Kestrel in the test process), in virtual time.</summary>
public sealed class FirmwareUpdateTests(ITestOutputHelper output)
{
    private static readonly FirmwareStatus[] Success = [FirmwareStatus.Downloading, FirmwareStatus.Downloaded, FirmwareStatus.Installing];

    [Fact]
    public async Task Firmware_over_http_takes_its_version_from_the_file_name_and_reports_installed_after_the_reboot()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw/tsct-2.1.0.bin", "an image without a header");
        var first = await harness.BootAsync();
        var rebooted = harness.NextInstance;

        var before = first.LastSequence;
        await first.CallAsync(new UpdateFirmwareRequest { Location = http.Url("fw/tsct-2.1.0.bin"), RetrieveDate = harness.Clock.GetUtcNow() }).OrTimeout();
        await rebooted.OrTimeout();
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);
        var boot = await second.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();
        var (_, installed) = await second.NextCallAsync<FirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatus.Installed);

        Assert.Equal(Success, first.FirmwareStatuses(before));
        Assert.Equal("tsct-2.1.0", boot.FirmwareVersion);
        foreach (var connectorId in new[] { 0, 1 })
        {
            var (_, available) = await second.NextCallAsync<StatusNotificationRequest>(0, s => s.ConnectorId == connectorId && s.Status == ChargePointStatus.Available);
            Assert.True(available < installed, "TC_044_1: Installed follows the BootNotification and the statuses");
        }

        Assert.Equal(2, harness.Instances);
    }

    [Fact]
    public async Task Connectors_are_unavailable_while_installing()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw.bin", TestImages.Valid("2.0.0"));
        var session = await harness.BootAsync();
        var rebooted = harness.NextInstance;

        var before = session.LastSequence;
        await session.CallAsync(new UpdateFirmwareRequest { Location = http.Url("fw.bin"), RetrieveDate = harness.Clock.GetUtcNow() }).OrTimeout();
        await rebooted.OrTimeout();

        var (_, downloaded) = await session.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.Downloaded);
        var (_, unavailable) = await session.NextCallAsync<StatusNotificationRequest>(downloaded, s => s.ConnectorId == 1 && s.Status == ChargePointStatus.Unavailable);
        var (_, installing) = await session.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.Installing);
        Assert.True(unavailable < installing, "the connectors are Unavailable before the installer runs");
    }

    [Fact]
    public async Task Https_firmware_installs_from_a_trusted_server()
    {
        await using var https = await HttpFileServer.StartAsync(https: true);
        using var transfer = new FileTransfer.FileTransferClient(new FileTransfer.FileTransferOptions { ServerCertificateValidation = https.TrustItsCertificate });
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, ConfigureStation = o => o with { FileTransfer = transfer } });
        https.AddFile("fw.bin", TestImages.Checked("3.0.0-tls"));
        var first = await harness.BootAsync();
        var rebooted = harness.NextInstance;

        await first.CallAsync(new UpdateFirmwareRequest { Location = https.Url("fw.bin"), RetrieveDate = harness.Clock.GetUtcNow() }).OrTimeout();
        await rebooted.OrTimeout();
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);

        Assert.Equal("3.0.0-tls", (await second.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout()).FirmwareVersion);
        await second.NextCallAsync<FirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatus.Installed);
    }

    [Fact]
    public async Task A_failing_download_is_retried_the_given_number_of_times_at_the_given_interval_then_reported()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.Fail("/fw.bin", 503);
        var session = await harness.BootAsync();
        var interval = TimeSpan.FromSeconds(17);

        var before = session.LastSequence;
        await session.CallAsync(new UpdateFirmwareRequest { Location = http.Url("fw.bin"), RetrieveDate = harness.Clock.GetUtcNow(), Retries = 2, RetryInterval = 17 }).OrTimeout();
        await session.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.Downloading);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var failed = await http.WaitForRequestAsync(attempt);
            await harness.Clock.WaitForTimerAtAsync(failed.At + interval);
            Assert.Equal([FirmwareStatus.Downloading], session.FirmwareStatuses(before));
            harness.Clock.Advance(interval);
        }

        await session.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.DownloadFailed);
        await session.FenceAsync();

        var requests = http.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal([interval, interval], requests.Zip(requests.Skip(1), (a, b) => b.At - a.At));
        Assert.Equal([FirmwareStatus.Downloading, FirmwareStatus.DownloadFailed], session.FirmwareStatuses(before));
        Assert.Equal("v1.0.0", harness.Station.Firmware.InstalledVersion);
        Assert.Equal(1, harness.Instances);
    }

    [Fact]
    public async Task An_image_that_fails_verification_is_downloaded_again_then_reported_as_a_failed_download()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw.bin", TestImages.Corrupted());
        var session = await harness.BootAsync();

        var before = session.LastSequence;
        await session.CallAsync(new UpdateFirmwareRequest { Location = http.Url("fw.bin"), RetrieveDate = harness.Clock.GetUtcNow(), Retries = 1, RetryInterval = 5 }).OrTimeout();
        var first = await http.WaitForRequestAsync(1);
        await harness.Clock.WaitForTimerAtAsync(first.At + TimeSpan.FromSeconds(5));
        harness.Clock.Advance(TimeSpan.FromSeconds(5));
        await session.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.DownloadFailed);

        Assert.Equal(2, http.Requests.Count);
        Assert.Equal([FirmwareStatus.Downloading, FirmwareStatus.DownloadFailed], session.FirmwareStatuses(before));
        Assert.Contains(harness.Logs.Entries, e => e.Message.Contains("SHA-256", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sftp://127.0.0.1/fw.bin")]
    [InlineData("ftp://127.0.0.1:{closed}/fw.bin")]
    [InlineData("http://127.0.0.1:{closed}/fw.bin")]
    [InlineData("http://{server}/missing.bin")]
    public async Task A_location_that_cannot_work_gives_download_failed_and_the_station_carries_on(string location)
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        var url = new Uri(location.Replace("{closed}", ClosedPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{server}", http.BaseUri.Authority, StringComparison.Ordinal));
        var session = await harness.BootAsync();

        var before = session.LastSequence;
        await session.CallAsync(new UpdateFirmwareRequest { Location = url, RetrieveDate = harness.Clock.GetUtcNow(), Retries = 0 }).OrTimeout();
        await session.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.DownloadFailed);

        Assert.Equal([FirmwareStatus.Downloading, FirmwareStatus.DownloadFailed], session.FirmwareStatuses(before));
        var (trigger, answered) = await session.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.FirmwareStatusNotification });
        var (idle, _) = await session.NextCallAsync<FirmwareStatusNotificationRequest>(answered);
        Assert.Equal((TriggerMessageStatus.Accepted, FirmwareStatus.Idle), (trigger.Status, idle.Status));
    }

    [Fact]
    public async Task A_failed_installation_is_reported_and_the_connectors_come_back_without_a_reboot()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw.bin", TestImages.Invalid());
        var session = await harness.BootAsync();

        var before = session.LastSequence;
        await session.CallAsync(new UpdateFirmwareRequest { Location = http.Url("fw.bin"), RetrieveDate = harness.Clock.GetUtcNow() }).OrTimeout();
        await session.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.InstallationFailed);
        var (_, unavailable) = await session.NextCallAsync<StatusNotificationRequest>(before, s => s.ConnectorId == 1 && s.Status == ChargePointStatus.Unavailable);
        await session.NextCallAsync<StatusNotificationRequest>(unavailable, s => s.ConnectorId == 1 && s.Status == ChargePointStatus.Available);

        Assert.Equal([.. Success, FirmwareStatus.InstallationFailed], session.FirmwareStatuses(before));
        Assert.Equal(1, harness.Instances);
        Assert.Equal("v1.0.0", harness.Station.Firmware.InstalledVersion);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_retrieve_date_in_the_future_survives_a_reboot(bool powerLoss)
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw.bin", TestImages.Valid("4.0.0"));
        var first = await harness.BootAsync();
        var retrieveDate = harness.Clock.GetUtcNow().AddMinutes(10);

        await first.CallAsync(new UpdateFirmwareRequest { Location = http.Url("fw.bin"), RetrieveDate = retrieveDate }).OrTimeout();
        await harness.Clock.WaitForTimerAtAsync(retrieveDate);
        if (powerLoss)
        {
            await harness.PowerCycleAsync();
        }
        else
        {
            var rebooted = harness.NextInstance;
            await first.CallAsync(new ResetRequest { Type = ResetType.Soft }).OrTimeout();
            await rebooted.OrTimeout();
        }

        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);
        await second.NextCallAsync<StatusNotificationRequest>(0, s => s.ConnectorId == 1);
        await harness.Clock.WaitForTimerAtAsync(retrieveDate);
        Assert.Empty(http.Requests);
        var installed = harness.NextInstance;

        // A CALL still awaiting its answer when ten minutes pass at once would time out and end the
        // connection, and the firmware statuses would go to the next one. The station sends one CALL at a
        // time in order, so once a Heartbeat sent now is answered, nothing sent before is still waiting.
        // (Not FlushAsync: the waiting firmware update keeps the station's background work busy.)
        await harness.Station.Outgoing.SendAsync(new HeartbeatRequest()).OrTimeout();
        harness.Clock.Advance(retrieveDate - harness.Clock.GetUtcNow());
        await installed.OrTimeout();
        var third = await harness.WaitForSessionAsync(s => s != second && s.IsConnected);

        Assert.Equal(retrieveDate, Assert.Single(http.Requests).At);
        Assert.Equal(Success, second.FirmwareStatuses());
        Assert.Equal("4.0.0", (await third.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout()).FirmwareVersion);
        await third.NextCallAsync<FirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatus.Installed);
    }

    [Fact]
    [Trait("Cert", "AQ-4")]
    public async Task Download_runs_during_a_transaction_and_installation_waits_until_it_ends()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw.bin", TestImages.Valid("5.0.0"));
        var first = await harness.BootAsync();
        await harness.Hardware.PlugAsync(1);
        await harness.Hardware.PresentCardAsync("ABC123");
        var (_, started) = await first.NextCallAsync<StartTransactionRequest>(0);
        var rebooted = harness.NextInstance;

        await first.CallAsync(new UpdateFirmwareRequest { Location = http.Url("fw.bin"), RetrieveDate = harness.Clock.GetUtcNow() }).OrTimeout();
        await first.NextCallAsync<FirmwareStatusNotificationRequest>(started, n => n.Status == FirmwareStatus.Downloaded);
        var (_, triggered) = await first.CallRecordedAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.FirmwareStatusNotification });
        var (current, _) = await first.NextCallAsync<FirmwareStatusNotificationRequest>(triggered);
        await first.FenceAsync();
        Assert.Equal(FirmwareStatus.Downloaded, current.Status);
        Assert.DoesNotContain(FirmwareStatus.Installing, first.FirmwareStatuses());
        Assert.Equal(ChargePointStatus.Charging, first.CallsAfter<StatusNotificationRequest>(0).Last(s => s.ConnectorId == 1).Status);

        await harness.Hardware.UnplugAsync(1);
        var (_, ended) = await first.NextCallAsync<StatusNotificationRequest>(triggered, s => s.ConnectorId == 1 && s.Status == ChargePointStatus.Available);
        var (_, installing) = await first.NextCallAsync<FirmwareStatusNotificationRequest>(started, n => n.Status == FirmwareStatus.Installing);
        await rebooted.OrTimeout();
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);

        // Status and firmware notifications share one ordered queue; the StopTransaction leaves through the outbox, before the reboot.
        Assert.True(ended < installing, "installation starts only after the transaction ended");
        Assert.Single(first.CallsAfter<StopTransactionRequest>(started));
        Assert.Equal("5.0.0", (await second.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout()).FirmwareVersion);
        await second.NextCallAsync<FirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatus.Installed);
    }

    [Fact]
    public async Task The_installed_version_survives_a_power_loss_and_installed_is_reported_once()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw.bin", TestImages.Valid("6.0.0"));
        var first = await harness.BootAsync();
        var rebooted = harness.NextInstance;
        await first.CallAsync(new UpdateFirmwareRequest { Location = http.Url("fw.bin"), RetrieveDate = harness.Clock.GetUtcNow() }).OrTimeout();
        await rebooted.OrTimeout();
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);
        await second.NextCallAsync<FirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatus.Installed);
        await harness.Station.Notifications.WaitUntilDeliveredAsync().OrTimeout();

        await harness.PowerCycleAsync();
        var third = await harness.WaitForSessionAsync(s => s != second && s.IsConnected);
        var boot = await third.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();
        await third.NextCallAsync<StatusNotificationRequest>(0, s => s.ConnectorId == 1);
        await third.FenceAsync();

        Assert.Equal("6.0.0", boot.FirmwareVersion);
        Assert.Empty(third.FirmwareStatuses());
    }

    [Fact]
    public async Task A_new_request_replaces_one_that_waits_for_its_retrieve_date()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("old.bin", TestImages.Valid("7.0.0-old"));
        http.AddFile("new.bin", TestImages.Valid("7.0.0-new"));
        var first = await harness.BootAsync();
        var rebooted = harness.NextInstance;

        await first.CallAsync(new UpdateFirmwareRequest { Location = http.Url("old.bin"), RetrieveDate = harness.Clock.GetUtcNow().AddHours(1) }).OrTimeout();
        await harness.Clock.WaitForTimerAtAsync(harness.Clock.GetUtcNow().AddHours(1));
        await first.CallAsync(new UpdateFirmwareRequest { Location = http.Url("new.bin"), RetrieveDate = harness.Clock.GetUtcNow() }).OrTimeout();
        await rebooted.OrTimeout();
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);

        Assert.Equal("7.0.0-new", (await second.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout()).FirmwareVersion);
        Assert.Equal(["/new.bin"], http.Requests.Select(r => r.Path));
    }
}
