using System.IO.Compression;
using System.Text;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Security;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// The security log and secure firmware cases of the certification (shared/ocpp16/test-cases.md
/// §11: TC_079–TC_081) over loopback WebSockets against the built-in Central System, with a real
/// HTTP server for the firmware and the uploads; every frame the station sends is checked against
/// the whitepaper's schemas when the harness is disposed.
/// </summary>
public sealed class SecurityConformanceTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Cert", "TC_079_CS")]
    public async Task TC_079_CS_Get_security_log()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        var session = await harness.BootAsync();
        await session.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.StartupOfTheDevice);

        // 1. GetLog SecurityLog → Accepted with the file name.
        var (answer, answered) = await session.CallRecordedAsync(new GetLogRequest
        {
            LogType = LogEnumType.SecurityLog,
            RequestId = 79,
            Log = new LogParametersType { RemoteLocation = http.Url("logs/").ToString() },
        });
        Assert.Equal(LogStatusEnumType.Accepted, answer.Status);
        Assert.StartsWith("securitylog-", answer.Filename, StringComparison.Ordinal);

        // 2–3. Uploading, then Uploaded, both with the request's id, after the conf.
        var (uploading, uploadingAt) = await session.NextCallAsync<LogStatusNotificationRequest>(answered, n => n.Status == UploadLogStatusEnumType.Uploading);
        var (uploaded, _) = await session.NextCallAsync<LogStatusNotificationRequest>(uploadingAt, n => n.Status == UploadLogStatusEnumType.Uploaded);
        Assert.Equal(79, uploading.RequestId);
        Assert.Equal(79, uploaded.RequestId);

        // Pass: the file is at the location and holds the station's security events.
        var upload = Assert.Single(http.Requests, r => r.Method is "PUT" or "POST");
        Assert.Equal(answer.Filename, upload.FileName);
        Assert.Contains(SecurityLogLines(upload.Body), l => l.Contains(" StartupOfTheDevice station software started", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Cert", "TC_080_CS")]
    public async Task TC_080_CS_Secure_firmware_update()
    {
        using var manufacturer = FirmwareSigning.Create();
        var image = TestImages.Valid("TSCT-2.0.0");
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, Composition = manufacturer.Composition() });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("firmware/tsct-2.0.0.fwi", image);
        var first = await harness.BootAsync();
        var rebooted = harness.NextInstance;

        // 1. SignedUpdateFirmware → the signing certificate chains to the installed root → Accepted.
        var (answer, answered) = await first.CallRecordedAsync(Signed(manufacturer, http.Url("firmware/tsct-2.0.0.fwi"), manufacturer.Sign(image), harness, 80));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, answer.Status);

        // 2–3. Downloading, Downloaded, SignatureVerified, Installing, then InstallRebooting before the reboot, each with the requestId.
        await first.NextCallAsync<SignedFirmwareStatusNotificationRequest>(answered, n => n.Status == FirmwareStatusEnumType.InstallRebooting);
        Assert.Equal(
            [
                FirmwareStatusEnumType.Downloading, FirmwareStatusEnumType.Downloaded, FirmwareStatusEnumType.SignatureVerified,
                FirmwareStatusEnumType.Installing, FirmwareStatusEnumType.InstallRebooting,
            ],
            SignedStatuses(first, answered));
        Assert.All(first.CallsAfter<SignedFirmwareStatusNotificationRequest>(answered), n => Assert.Equal(80, n.RequestId));
        Assert.Empty(first.CallsAfter<FirmwareStatusNotificationRequest>(0));

        // 4–7. Reboot: BootNotification with the new version, Available, Installed, FirmwareUpdated.
        await rebooted.OrTimeout();
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);
        var (boot, booted) = await second.NextCallAsync<BootNotificationRequest>(0);
        await second.NextCallAsync<StatusNotificationRequest>(booted, s => s.ConnectorId == 1 && s.Status == ChargePointStatus.Available);
        var (installed, _) = await second.NextCallAsync<SignedFirmwareStatusNotificationRequest>(booted, n => n.Status == FirmwareStatusEnumType.Installed);
        await second.NextCallAsync<SecurityEventNotificationRequest>(booted, e => e.Type == SecurityEventTypes.FirmwareUpdated);
        await second.NextCallAsync<SecurityEventNotificationRequest>(booted, e => e.Type == SecurityEventTypes.ResetOrReboot);
        Assert.Equal("TSCT-2.0.0", boot.FirmwareVersion);
        Assert.Equal(80, installed.RequestId);
    }

    [Fact]
    [Trait("Cert", "TC_081_CS")]
    public async Task TC_081_CS_Secure_firmware_update_invalid_signature()
    {
        using var manufacturer = FirmwareSigning.Create(rsa: true);
        var image = TestImages.Valid("TSCT-2.0.0");
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, Composition = manufacturer.Composition() });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("firmware/tampered.fwi", image);
        var session = await harness.BootAsync();
        await session.FenceAsync();

        // The signature is over other bytes: the image was tampered with.
        var signature = manufacturer.Sign(TestImages.Valid("TSCT-6.6.6"));
        var (answer, answered) = await session.CallRecordedAsync(Signed(manufacturer, http.Url("firmware/tampered.fwi"), signature, harness, 81));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, answer.Status);
        await session.NextCallAsync<SignedFirmwareStatusNotificationRequest>(answered, n => n.Status == FirmwareStatusEnumType.InvalidSignature);
        var (invalid, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(answered, e => e.Type == SecurityEventTypes.InvalidFirmwareSignature);
        await session.FenceAsync();

        // Nothing installed: no Installing, no Unavailable connectors, no reboot, the old version.
        Assert.Equal([FirmwareStatusEnumType.Downloading, FirmwareStatusEnumType.Downloaded, FirmwareStatusEnumType.InvalidSignature], SignedStatuses(session, answered));
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(answered));
        Assert.Equal(1, harness.Instances);
        Assert.Equal("v1.0.0", harness.Station.Firmware.InstalledVersion);
        Assert.Contains("RSA", invalid.TechInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_certificate_of_another_root_is_InvalidCertificate_with_its_security_event_and_nothing_is_downloaded()
    {
        using var manufacturer = FirmwareSigning.Create();
        using var stranger = FirmwareSigning.Create(name: "Someone Else");
        var image = TestImages.Valid("TSCT-2.0.0");
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, Composition = manufacturer.Composition() });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw.fwi", image);
        var session = await harness.BootAsync();

        var (answer, answered) = await session.CallRecordedAsync(Signed(stranger, http.Url("fw.fwi"), stranger.Sign(image), harness, 3));
        await session.NextCallAsync<SecurityEventNotificationRequest>(answered, e => e.Type == SecurityEventTypes.InvalidFirmwareSigningCertificate);
        var (notPem, _) = await session.CallRecordedAsync(Signed(manufacturer, http.Url("fw.fwi"), manufacturer.Sign(image), harness, 4) with
        {
            Firmware = Signed(manufacturer, http.Url("fw.fwi"), manufacturer.Sign(image), harness, 4).Firmware with { SigningCertificate = "not a certificate" },
        });
        await session.FenceAsync();

        Assert.Equal(UpdateFirmwareStatusEnumType.InvalidCertificate, answer.Status);
        Assert.Equal(UpdateFirmwareStatusEnumType.InvalidCertificate, notPem.Status);
        Assert.Empty(http.Requests);
        Assert.Empty(session.CallsAfter<SignedFirmwareStatusNotificationRequest>(0));
    }

    [Fact]
    public async Task Without_an_installed_manufacturer_root_every_signed_update_is_InvalidCertificate()
    {
        using var manufacturer = FirmwareSigning.Create();
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var answer = await session.CallAsync(Signed(manufacturer, new Uri("http://127.0.0.1:9/fw.fwi"), manufacturer.Sign([1, 2, 3]), harness, 5)).OrTimeout();
        Assert.Equal(UpdateFirmwareStatusEnumType.InvalidCertificate, answer.Status);
    }

    [Fact]
    public async Task A_second_signed_update_cancels_the_first_one_and_a_location_that_is_no_URL_is_rejected()
    {
        using var manufacturer = FirmwareSigning.Create();
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, Composition = manufacturer.Composition() });
        var session = await harness.BootAsync();
        var later = harness.Clock.GetUtcNow().AddHours(1);
        var first = Signed(manufacturer, new Uri("http://127.0.0.1:9/a.fwi"), manufacturer.Sign([1]), harness, 6);
        var (scheduled, answered) = await session.CallRecordedAsync(first with { Firmware = first.Firmware with { RetrieveDateTime = later } });
        await session.NextCallAsync<SignedFirmwareStatusNotificationRequest>(answered, n => n.Status == FirmwareStatusEnumType.DownloadScheduled && n.RequestId == 6);
        var replacing = await session.CallAsync(first with { RequestId = 7, Firmware = first.Firmware with { RetrieveDateTime = later } }).OrTimeout();
        var noUrl = await session.CallAsync(first with { RequestId = 8, Firmware = first.Firmware with { Location = "not a url" } }).OrTimeout();

        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, scheduled.Status);
        Assert.Equal(UpdateFirmwareStatusEnumType.AcceptedCanceled, replacing.Status);
        Assert.Equal(UpdateFirmwareStatusEnumType.Rejected, noUrl.Status);
    }

    internal static IReadOnlyList<string> SecurityLogLines(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entry = Assert.Single(archive.Entries);
        Assert.Equal("security.log", entry.FullName);
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static IReadOnlyList<FirmwareStatusEnumType> SignedStatuses(CentralSystem.StationSession session, long after) =>
        [.. session.CallsAfter<SignedFirmwareStatusNotificationRequest>(after).Select(n => n.Status)];

    private static SignedUpdateFirmwareRequest Signed(FirmwareSigning manufacturer, Uri location, string signature, StationHarness harness, int requestId) => new()
    {
        RequestId = requestId,
        Retries = 0,
        Firmware = new FirmwareType
        {
            Location = location.ToString(),
            RetrieveDateTime = harness.Clock.GetUtcNow(),
            SigningCertificate = manufacturer.SigningCertificatePem,
            Signature = signature,
        },
    };
}
