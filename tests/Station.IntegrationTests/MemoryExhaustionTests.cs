using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Security;
using Station.Security.Events;
using Station.Testing;
using Station.Testing.Faults;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>
/// The security event MemoryExhaustion (whitepaper edition 3, appendix 1: critical): the station's
/// storage is full (its writes fail as SQLite's do, SQLITE_FULL). At most one event a minute; when
/// the security log is on the full disk too, the event is kept in memory and sent all the same.
/// </summary>
public sealed class MemoryExhaustionTests(ITestOutputHelper output)
{
    // Transactions: a start not journaled (2325); the security log: an event kept in memory only (3101).
    private static readonly Func<LogEntry, bool> FullDiskErrors = e => e.EventId.Id is 2325 or 2326 or 3101;

    [Fact]
    public async Task A_transaction_journal_that_cannot_be_written_is_a_MemoryExhaustion_event_at_most_once_a_minute()
    {
        FullDiskTransactionStore? disk = null;
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with
        {
            WrapStores = stores => stores with { Transactions = disk = new FullDiskTransactionStore(stores.Transactions) },
        });
        harness.Logs.ExpectedError = FullDiskErrors;
        var session = await harness.BootAsync();
        var start = await session.FenceAsync();
        disk!.Full = true;

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var (exhausted, exhaustedAt) = await session.NextCallAsync<SecurityEventNotificationRequest>(start, e => e.Type == SecurityEventTypes.MemoryExhaustion);
        Assert.Contains("storage full", exhausted.TechInfo, StringComparison.Ordinal);
        Assert.Contains("disk is full", exhausted.TechInfo, StringComparison.Ordinal);

        // Another refused start within the minute: counted, no second event.
        var mark = harness.Logs.Count;
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await harness.Logs.WaitForAsync(e => e.EventId.Id == 2325, mark).OrTimeout();
        await session.FenceAsync();
        Assert.Single(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == SecurityEventTypes.MemoryExhaustion);

        await harness.AdvanceAsync(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var (second, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(exhaustedAt, e => e.Type == SecurityEventTypes.MemoryExhaustion);
        Assert.Contains("more failed writes", second.TechInfo, StringComparison.Ordinal);
        Assert.True(disk.Refused >= 3);
    }

    [Fact]
    public async Task With_the_security_log_on_the_full_disk_too_the_events_are_kept_in_memory_and_sent_all_the_same()
    {
        FullDiskTransactionStore? journal = null;
        FullDiskSecurityEventStore? log = null;
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with
        {
            WrapStores = stores => stores with
            {
                Transactions = journal = new FullDiskTransactionStore(stores.Transactions),
                SecurityEvents = log = new FullDiskSecurityEventStore(stores.SecurityEvents),
            },
        });
        harness.Logs.ExpectedError = FullDiskErrors;
        var session = await harness.BootAsync();
        var start = await session.FenceAsync();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        journal!.Full = true;
        log!.Full = true;

        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await harness.Hardware.TriggerTamperAsync("enclosure door").OrTimeout();

        // The card's start fails once the Central System has authorized it, so the two come in either order.
        var (exhausted, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(start, e => e.Type == SecurityEventTypes.MemoryExhaustion);
        await session.NextCallAsync<SecurityEventNotificationRequest>(start, e => e.Type == SecurityEventTypes.TamperDetectionActivated);
        Assert.Contains("disk is full", exhausted.TechInfo, StringComparison.Ordinal);
        var logged = await harness.Logs.WaitForAsync(e => e.EventId.Id == 3101, 0).OrTimeout();
        Assert.Contains("kept in memory", logged.Message, StringComparison.Ordinal);

        // The log's reader sees them; nothing reached the disk.
        var entries = harness.Station.Block<SecurityEventsService>()!.Entries();
        Assert.Contains(entries, e => e.Type == SecurityEventTypes.MemoryExhaustion);
        Assert.Contains(entries, e => e.Type == SecurityEventTypes.TamperDetectionActivated);
        Assert.DoesNotContain(log.Range(null, null), e => e.Type is SecurityEventTypes.MemoryExhaustion or SecurityEventTypes.TamperDetectionActivated);
        Assert.Single(session.CallsAfter<SecurityEventNotificationRequest>(start), e => e.Type == SecurityEventTypes.MemoryExhaustion);
    }
}
