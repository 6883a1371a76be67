using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// The Firmware Management cases of the certification (OCTT, shared/ocpp16/test-cases.md §6)
/// against the real vsftpd on loopback, the transport the certified station used.
/// </summary>
public sealed class FirmwareManagementConformanceTests(VsftpdFixture fixture, ITestOutputHelper output) : IClassFixture<VsftpdFixture>
{
    [SkippableFact]
    [Trait("Cert", "TC_044_1_CS")]
    public async Task TC_044_1_CS_Firmware_update_download_and_install()
    {
        var ftp = fixture.Server;
        ftp.AddUserFile("firmware/tsct-2.0.0.fwi", TestImages.Valid("TSCT-2.0.0"));
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var first = await harness.BootAsync();
        var rebooted = harness.NextInstance;

        // 1. UpdateFirmware → (empty) conf.
        var before = first.LastSequence;
        var (_, answered) = await first.CallRecordedAsync(new UpdateFirmwareRequest { Location = ftp.UserUrl("firmware/tsct-2.0.0.fwi"), RetrieveDate = harness.Clock.GetUtcNow() });

        // 2–4. Downloading, Downloaded, Installing, after the conf.
        var (_, downloading) = await first.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.Downloading);
        await first.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.Installing);
        Assert.True(downloading > answered);
        Assert.Equal([FirmwareStatus.Downloading, FirmwareStatus.Downloaded, FirmwareStatus.Installing], first.FirmwareStatuses(before));

        // 5–7. Reboot: BootNotification Accepted, StatusNotification Available, Installed.
        await rebooted.OrTimeout();
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);
        var (boot, booted) = await second.NextCallAsync<BootNotificationRequest>(0);
        var (_, available) = await second.NextCallAsync<StatusNotificationRequest>(booted, s => s.ConnectorId == 1 && s.Status == ChargePointStatus.Available);
        var (_, installed) = await second.NextCallAsync<FirmwareStatusNotificationRequest>(booted, n => n.Status == FirmwareStatus.Installed);
        Assert.Equal("TSCT-2.0.0", boot.FirmwareVersion);
        Assert.True(available < installed);
    }

    [SkippableFact]
    [Trait("Cert", "TC_044_2_CS")]
    public async Task TC_044_2_CS_Firmware_update_download_failed()
    {
        var ftp = fixture.Server;
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var before = session.LastSequence;
        await session.CallAsync(new UpdateFirmwareRequest { Location = ftp.AnonymousUrl("download_fail.fwi"), RetrieveDate = harness.Clock.GetUtcNow(), Retries = 0 }).OrTimeout();
        await session.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.DownloadFailed);
        await session.FenceAsync();

        // The old firmware stays; the connectors were never made Unavailable.
        Assert.Equal([FirmwareStatus.Downloading, FirmwareStatus.DownloadFailed], session.FirmwareStatuses(before));
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(before));
        Assert.Equal("v1.0.0", harness.Station.Firmware.InstalledVersion);
        Assert.Contains(harness.Logs.Entries, e => e.Message.Contains("550", StringComparison.Ordinal));
    }

    [SkippableFact]
    [Trait("Cert", "TC_044_3_CS")]
    public async Task TC_044_3_CS_Firmware_update_installation_failed()
    {
        var ftp = fixture.Server;
        ftp.AddAnonymousFile("unsupported.fwi", TestImages.Invalid());
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var before = session.LastSequence;
        await session.CallAsync(new UpdateFirmwareRequest { Location = ftp.AnonymousUrl("unsupported.fwi"), RetrieveDate = harness.Clock.GetUtcNow() }).OrTimeout();
        await session.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.InstallationFailed);
        var (_, unavailable) = await session.NextCallAsync<StatusNotificationRequest>(before, s => s.ConnectorId == 1 && s.Status == ChargePointStatus.Unavailable);
        await session.NextCallAsync<StatusNotificationRequest>(unavailable, s => s.ConnectorId == 1 && s.Status == ChargePointStatus.Available);

        Assert.Equal([FirmwareStatus.Downloading, FirmwareStatus.Downloaded, FirmwareStatus.Installing, FirmwareStatus.InstallationFailed], session.FirmwareStatuses(before));
        Assert.Equal(1, harness.Instances);
    }

    [SkippableFact]
    [Trait("Cert", "TC_045_1_CS")]
    public async Task TC_045_1_CS_Get_diagnostics()
    {
        var ftp = fixture.Server;
        ftp.AddUserDirectory("logs");
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var (answer, answered) = await session.CallRecordedAsync(new GetDiagnosticsRequest { Location = ftp.UserUrl("logs/") });
        var (_, uploading) = await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(answered, n => n.Status == DiagnosticsStatus.Uploading);
        await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(uploading, n => n.Status == DiagnosticsStatus.Uploaded);

        // Pass: the file is at the location, and it is the station's trace.
        var uploaded = await File.ReadAllBytesAsync(Path.Combine(ftp.UserRoot, "logs", answer.FileName!));
        var lines = DiagnosticsArchive.Lines(uploaded);
        Assert.Contains(lines, l => l.Contains(" SENT [2,", StringComparison.Ordinal) && l.Contains("\"BootNotification\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" INFO Station.Boot[2400] ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"GetDiagnostics\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    [Trait("Cert", "TC_045_2_CS")]
    public async Task TC_045_2_CS_Get_diagnostics_upload_failed()
    {
        var ftp = fixture.Server;
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var (answer, answered) = await session.CallRecordedAsync(new GetDiagnosticsRequest { Location = ftp.UserUrl("files/failedLocation"), Retries = 0 });
        await session.NextCallAsync<DiagnosticsStatusNotificationRequest>(answered, n => n.Status == DiagnosticsStatus.UploadFailed);

        // Pass: the station carries on.
        Assert.NotNull(answer.FileName);
        Assert.Equal([DiagnosticsStatus.Uploading, DiagnosticsStatus.UploadFailed], session.DiagnosticsStatuses(answered));
        var heartbeat = await session.FenceAsync();
        Assert.True(heartbeat > answered);
    }
}
