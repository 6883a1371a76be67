using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// Firmware and diagnostics status notifications are owed to the Central System even when they
/// happen offline and a power loss follows: they are persisted before they are sent.
/// </summary>
public sealed class DurableNotificationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Firmware_statuses_of_an_update_that_failed_offline_are_delivered_after_a_power_loss()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, CuttableNetwork = true });
        await using var http = await HttpFileServer.StartAsync(harness.Clock);
        http.Fail("fw.bin", 404);
        var before = await harness.BootAsync();
        await before.CallAsync(new UpdateFirmwareRequest { Location = http.Url("fw.bin"), RetrieveDate = harness.Clock.GetUtcNow().AddSeconds(90), Retries = 0 }).OrTimeout();

        await harness.GoOfflineAsync();
        var failed = harness.Logs.WaitForAsync(e => e.EventId.Id == 2703);
        // 90 s: apart from the heartbeat at 60 s, so the timer waited for is the retrieve date's.
        await harness.Clock.WaitForTimerAtAsync(harness.Clock.GetUtcNow().AddSeconds(90));
        harness.Clock.Advance(TimeSpan.FromSeconds(90));
        await failed;
        await harness.RestartProcessAsync();
        var after = await harness.GoOnlineAsync(before);
        await after.NextCallAsync<FirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatus.DownloadFailed);

        Assert.Empty(before.FirmwareStatuses());
        Assert.Equal([FirmwareStatus.Downloading, FirmwareStatus.DownloadFailed], after.FirmwareStatuses());
    }

    [Fact]
    public async Task A_diagnostics_upload_that_failed_offline_is_reported_after_a_power_loss()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, CuttableNetwork = true });
        var before = await harness.BootAsync();
        var location = new Uri($"ftp://127.0.0.1:{ClosedPort.Next()}/diagnostics/");
        await before.CallAsync(new GetDiagnosticsRequest { Location = location, Retries = 1, RetryInterval = 90 }).OrTimeout();
        await before.NextCallAsync<DiagnosticsStatusNotificationRequest>(0, n => n.Status == DiagnosticsStatus.Uploading);
        await harness.Station.Notifications.WaitUntilDeliveredAsync().OrTimeout();

        await harness.GoOfflineAsync();
        var failed = harness.Logs.WaitForAsync(e => e.EventId.Id == 2755);

        // The retry's timer, not any armed one: under load the first attempt may still be failing
        // when the heartbeat's timer (60 s) is already armed; 90 s keeps the two apart.
        await harness.Clock.WaitForTimerAtAsync(harness.Clock.GetUtcNow().AddSeconds(90));
        harness.Clock.Advance(TimeSpan.FromSeconds(90));
        await failed;
        await harness.RestartProcessAsync();
        var after = await harness.GoOnlineAsync(before);
        var (notification, _) = await after.NextCallAsync<DiagnosticsStatusNotificationRequest>(0);

        Assert.Equal(DiagnosticsStatus.UploadFailed, notification.Status);
        Assert.Single(before.CallsSince<DiagnosticsStatusNotificationRequest>(0));
    }
}
