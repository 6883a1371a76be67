using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>Firmware over the real vsftpd: anonymous logins, and a refused login retried in virtual time.</summary>
public sealed class FtpFirmwareTests(VsftpdFixture fixture, ITestOutputHelper output) : IClassFixture<VsftpdFixture>
{
    [SkippableFact]
    public async Task Firmware_over_anonymous_ftp_installs()
    {
        var ftp = fixture.Server;
        ftp.AddAnonymousFile("pub/tsct-8.0.0.bin", TestImages.Checked("8.0.0-anon"));
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var first = await harness.BootAsync();
        var rebooted = harness.NextInstance;

        await first.CallAsync(new UpdateFirmwareRequest { Location = ftp.AnonymousUrl("pub/tsct-8.0.0.bin"), RetrieveDate = harness.Clock.GetUtcNow() }).OrTimeout();
        await rebooted.OrTimeout();
        var second = await harness.WaitForSessionAsync(s => s != first && s.IsConnected);

        Assert.Equal("8.0.0-anon", (await second.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout()).FirmwareVersion);
        await second.NextCallAsync<FirmwareStatusNotificationRequest>(0, n => n.Status == FirmwareStatus.Installed);
    }

    [SkippableFact]
    public async Task A_refused_login_is_retried_after_the_interval_then_reported_without_the_password_in_the_log()
    {
        var ftp = fixture.Server;
        ftp.AddUserFile("fw.bin", TestImages.Valid("9.0.0"));
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var location = new Uri($"ftp://{VsftpdServer.UserName}:wrong-secret@127.0.0.1:{ftp.Port}/fw.bin");

        var before = session.LastSequence;
        await session.CallAsync(new UpdateFirmwareRequest { Location = location, RetrieveDate = harness.Clock.GetUtcNow(), Retries = 1, RetryInterval = 9 }).OrTimeout();
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2702);
        await harness.Clock.WaitForTimerAtAsync(harness.Clock.GetUtcNow().AddSeconds(9));
        harness.Clock.Advance(TimeSpan.FromSeconds(9));
        await session.NextCallAsync<FirmwareStatusNotificationRequest>(before, n => n.Status == FirmwareStatus.DownloadFailed);

        Assert.Equal([FirmwareStatus.Downloading, FirmwareStatus.DownloadFailed], session.FirmwareStatuses(before));
        var failures = harness.Logs.Entries.Where(e => e.EventId.Id is 2702 or 2703).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, e => Assert.Contains("530", e.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Message.Contains("wrong-secret", StringComparison.Ordinal));
    }
}
