using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>A signed update is durable: a kill -9 before its retrieve date resumes it, signed, with its requestId.</summary>
public sealed class SignedFirmwareRecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_signed_update_accepted_before_a_kill_downloads_verifies_and_installs_after_the_restart()
    {
        using var manufacturer = FirmwareSigning.Create();
        var image = TestImages.Valid("TSCT-3.0.0");
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, Composition = manufacturer.Composition() });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.AddFile("fw/tsct-3.0.0.fwi", image);
        var first = await harness.BootAsync();
        var retrieveAt = harness.Clock.GetUtcNow().AddSeconds(90);
        var answer = await first.CallAsync(new SignedUpdateFirmwareRequest
        {
            RequestId = 90,
            Firmware = new FirmwareType
            {
                Location = http.Url("fw/tsct-3.0.0.fwi").ToString(),
                RetrieveDateTime = retrieveAt,
                SigningCertificate = manufacturer.SigningCertificatePem,
                Signature = manufacturer.Sign(image),
            },
        }).OrTimeout();
        await first.NextCallAsync<SignedFirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatusEnumType.DownloadScheduled);

        // Answered, so normally not owed again (a kill between the answer and its removal from the
        // store sends it once more: at least once); the restarted instance reports the step it resumes.
        await harness.Station.Notifications.WaitUntilDeliveredAsync().OrTimeout();
        await harness.RestartProcessAsync();
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);
        await second.NextCallAsync<SignedFirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatusEnumType.DownloadScheduled);
        var rebooted = harness.NextInstance;
        await harness.Clock.WaitForTimerAtAsync(retrieveAt);
        harness.Clock.Advance(TimeSpan.FromSeconds(90));
        await second.NextCallAsync<SignedFirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatusEnumType.Installing);
        await rebooted.OrTimeout();
        var third = await harness.WaitForSessionAsync(s => s != first && s != second && s.IsConnected);
        var (installed, _) = await third.NextCallAsync<SignedFirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatusEnumType.Installed);

        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, answer.Status);
        Assert.Equal(
            [
                FirmwareStatusEnumType.DownloadScheduled, FirmwareStatusEnumType.Downloading, FirmwareStatusEnumType.Downloaded,
                FirmwareStatusEnumType.SignatureVerified, FirmwareStatusEnumType.Installing, FirmwareStatusEnumType.InstallRebooting,
            ],
            second.CallsAfter<SignedFirmwareStatusNotificationRequest>(0).Select(n => n.Status).Distinct());
        Assert.All(second.CallsAfter<SignedFirmwareStatusNotificationRequest>(0), n => Assert.Equal(90, n.RequestId));
        Assert.Equal(90, installed.RequestId);
        Assert.Equal("TSCT-3.0.0", harness.Station.Firmware.InstalledVersion);
    }
}
