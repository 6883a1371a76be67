using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Security;
using Station.Security.Events;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// The security event SecurityLogWasCleared (whitepaper edition 3, appendix 1: critical): a
/// maintainer clears the security log; the event is its first entry afterwards and is sent. Events
/// the Central System has not heard of yet survive the clearing. Real loopback, real SQLite.
/// </summary>
public sealed class SecurityLogClearTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Clearing_the_security_log_leaves_SecurityLogWasCleared_as_its_first_entry_and_sends_it()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        await harness.Hardware.TriggerTamperAsync("lid").OrTimeout();
        var start = await session.FenceAsync();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        var log = harness.Station.Block<SecurityEventsService>()!;
        var delivered = log.Entries();
        Assert.Contains(delivered, e => e.Type == SecurityEventTypes.StartupOfTheDevice);
        Assert.All(delivered, e => Assert.True(e.Delivered, e.Type));
        var lastBefore = delivered[^1].Sequence;

        var removed = log.Clear("maintenance visit");

        Assert.Equal(delivered.Count, removed);
        var entry = Assert.Single(log.Entries());
        Assert.Equal(SecurityEventTypes.SecurityLogWasCleared, entry.Type);
        Assert.Equal("maintenance visit", entry.TechInfo);
        Assert.True(entry.Sequence > lastBefore);
        var (cleared, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(start, e => e.Type == SecurityEventTypes.SecurityLogWasCleared);
        Assert.Equal(entry.Timestamp, cleared.Timestamp);

        // Durable: a restart finds the cleared log, and the answered event is not sent again.
        await session.FenceAsync();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        await harness.RestartProcessAsync();
        var again = await harness.BootAsync();
        await again.FenceAsync();
        var entries = harness.Station.Block<SecurityEventsService>()!.Entries();
        Assert.Equal(SecurityEventTypes.SecurityLogWasCleared, entries[0].Type);
        Assert.DoesNotContain(entries, e => e.Type == SecurityEventTypes.TamperDetectionActivated);
        Assert.DoesNotContain(again.CallsAfter<SecurityEventNotificationRequest>(0), e => e.Type == SecurityEventTypes.SecurityLogWasCleared);
    }

    [Fact]
    public async Task Events_not_yet_delivered_survive_a_clearing_and_leave_before_SecurityLogWasCleared()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, CuttableNetwork = true });
        var session = await harness.BootAsync();
        await session.FenceAsync();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        await harness.GoOfflineAsync();

        // Offline: the tamper is owed to the Central System when the log is cleared (by whoever opened the lid).
        await harness.Hardware.TriggerTamperAsync("lid").OrTimeout();
        var log = harness.Station.Block<SecurityEventsService>()!;
        log.Clear(null);
        Assert.Equal([SecurityEventTypes.TamperDetectionActivated, SecurityEventTypes.SecurityLogWasCleared], log.Entries().Select(e => e.Type));

        var online = await harness.GoOnlineAsync(session);
        var (tamper, tamperAt) = await online.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.TamperDetectionActivated);
        var (cleared, _) = await online.NextCallAsync<SecurityEventNotificationRequest>(tamperAt, e => e.Type == SecurityEventTypes.SecurityLogWasCleared);
        Assert.Equal("lid triggered", tamper.TechInfo);
        Assert.Null(cleared.TechInfo);
    }
}
