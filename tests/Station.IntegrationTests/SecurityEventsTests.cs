using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Security;
using Station.Security.Events;
using Station.Storage.Sqlite;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// The security events of the whitepaper: stamped when they happen, kept in the security log,
/// sent as SecurityEventNotification after the BootNotification is accepted, once, across a kill -9.
/// </summary>
public sealed class SecurityEventsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartupOfTheDevice_is_sent_once_after_the_BootNotification_was_accepted_with_the_time_of_the_start()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var started = harness.Clock.GetUtcNow();
        var session = await harness.BootAsync();
        var (_, booted) = await session.NextCallAsync<BootNotificationRequest>(0);
        var (startup, sent) = await session.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.StartupOfTheDevice);
        await session.FenceAsync();

        var bootAnswer = session.Frames.First(f => f.Sequence > booted && f.IsAnswerTo(OcppActions.BootNotification));
        Assert.True(sent > bootAnswer.Sequence, "sent before the BootNotification was accepted");
        AssertAt(started, startup.Timestamp);
        Assert.Single(session.CallsAfter<SecurityEventNotificationRequest>(0), e => e.Type == SecurityEventTypes.StartupOfTheDevice);
        var log = harness.Station.Block<SecurityEventsService>()!.Entries();
        Assert.Contains(log, e => e.Type == SecurityEventTypes.StartupOfTheDevice && e.Delivered);
    }

    [Theory]
    [InlineData(ResetType.Hard)]
    [InlineData(ResetType.Soft)]
    public async Task A_reset_is_reported_after_the_reboot_as_ResetOrReboot_with_the_time_of_the_reset(ResetType type)
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await session.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.StartupOfTheDevice);
        var next = harness.NextInstance;
        var resetAt = harness.Clock.GetUtcNow();
        await session.CallAsync(new ResetRequest { Type = type }).OrTimeout();
        await next.OrTimeout();

        var rebooted = await harness.BootAsync();
        var (reset, _) = await rebooted.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.ResetOrReboot);
        await rebooted.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.StartupOfTheDevice);
        await rebooted.FenceAsync();

        AssertAt(resetAt, reset.Timestamp);
        Assert.Contains(type.ToString(), reset.TechInfo, StringComparison.Ordinal);
        Assert.DoesNotContain(session.CallsAfter<SecurityEventNotificationRequest>(0), e => e.Type == SecurityEventTypes.ResetOrReboot);
        Assert.Single(rebooted.CallsAfter<SecurityEventNotificationRequest>(0), e => e.Type == SecurityEventTypes.ResetOrReboot);
    }

    [Fact]
    public async Task An_event_that_happened_offline_survives_a_kill_and_is_delivered_once_with_the_time_it_happened()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, CuttableNetwork = true });
        var before = await harness.BootAsync();
        await before.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.StartupOfTheDevice);
        await harness.GoOfflineAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(5));
        var happened = harness.Clock.GetUtcNow();
        harness.Station.Block<ISecurityEvents>()!.Report(SecurityEventTypes.InvalidMessages, "three malformed frames");

        await harness.RestartProcessAsync();
        var after = await harness.GoOnlineAsync(before);
        var (late, _) = await after.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.InvalidMessages);
        await after.FenceAsync();
        AssertAt(happened, late.Timestamp);
        Assert.Equal("three malformed frames", late.TechInfo);

        // Answered: a further start does not send it again (and the previous startup was delivered too).
        await harness.RestartProcessAsync();
        var third = await harness.WaitForSessionAsync(s => s != before && s != after && s.IsConnected);
        await third.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.StartupOfTheDevice);
        await third.FenceAsync();
        Assert.Single(third.CallsAfter<SecurityEventNotificationRequest>(0));
        Assert.Single(after.CallsAfter<SecurityEventNotificationRequest>(0), e => e.Type == SecurityEventTypes.InvalidMessages);
    }

    [Fact]
    public async Task Setting_the_clock_from_the_Central_System_is_a_SettingSystemTime_event()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        session.Handle(OcppActions.Heartbeat, (_, _) => new HeartbeatResponse { CurrentTime = harness.Clock.GetUtcNow().AddMinutes(10) });
        await session.FenceAsync();

        var (set, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.SettingSystemTime);
        Assert.Contains("600", set.TechInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void The_security_log_is_bounded_and_drops_delivered_entries_first()
    {
        using var directory = new TempDirectory();
        var (stores, database) = SqliteStationStorage.Open(directory.Path);
        using (database)
        {
            foreach (var store in new[] { stores.SecurityEvents, new InMemorySecurityEventStore() })
            {
                var at = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
                var first = store.Add(SecurityEventTypes.StartupOfTheDevice, at, null, capacity: 3);
                var second = store.Add(SecurityEventTypes.InvalidMessages, at.AddSeconds(1), "x", capacity: 3);
                store.MarkDelivered(second);
                store.Add(SecurityEventTypes.ResetOrReboot, at.AddSeconds(2), null, capacity: 3);
                store.Add(SecurityEventTypes.SettingSystemTime, at.AddSeconds(3), null, capacity: 3);

                var kept = store.Range(null, null);
                Assert.Equal(3, kept.Count);
                Assert.DoesNotContain(kept, e => e.Sequence == second);
                Assert.Equal([first, first + 2, first + 3], kept.Select(e => e.Sequence));
                Assert.Equal([SecurityEventTypes.ResetOrReboot], store.Range(at.AddSeconds(2), at.AddSeconds(2)).Select(e => e.Type));
                Assert.Equal(3, store.Undelivered().Count);
            }
        }
    }

    // The wire carries milliseconds.
    private static void AssertAt(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.InRange(actual, expected.AddMilliseconds(-1), expected.AddMilliseconds(1));
}
