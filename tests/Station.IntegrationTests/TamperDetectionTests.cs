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
/// The security event TamperDetectionActivated (whitepaper edition 3, appendix 1: critical): a tamper
/// sensor of the (simulated) hardware is triggered; the station sends the event at once when online,
/// and queues it durably when offline, delivering it after reconnecting. Real loopback, real SQLite.
/// </summary>
public sealed class TamperDetectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_triggered_tamper_sensor_is_a_TamperDetectionActivated_event_sent_at_once_and_kept_in_the_security_log()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var start = await session.FenceAsync();
        var before = harness.Station.Runtime.Clock.GetUtcNow();

        await harness.Hardware.TriggerTamperAsync("enclosure door").OrTimeout();

        var (tamper, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(start, e => e.Type == SecurityEventTypes.TamperDetectionActivated);
        Assert.Equal("enclosure door triggered", tamper.TechInfo);
        Assert.Equal(before, tamper.Timestamp);
        var entry = Assert.Single(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == SecurityEventTypes.TamperDetectionActivated);
        Assert.Equal(before, entry.Timestamp);
    }

    [Fact]
    public async Task A_tamper_while_offline_is_delivered_after_reconnecting_with_the_time_it_happened()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, CuttableNetwork = true });
        var session = await harness.BootAsync();
        await session.FenceAsync();
        await harness.GoOfflineAsync();
        var happened = harness.Station.Runtime.Clock.GetUtcNow();

        await harness.Hardware.TriggerTamperAsync().OrTimeout();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Single(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == SecurityEventTypes.TamperDetectionActivated && !e.Delivered);

        var online = await harness.GoOnlineAsync(session);
        var (tamper, _) = await online.NextCallAsync<SecurityEventNotificationRequest>(0, e => e.Type == SecurityEventTypes.TamperDetectionActivated);
        Assert.Equal(happened, tamper.Timestamp);
        Assert.Equal("tamper sensor triggered", tamper.TechInfo);
        await online.FenceAsync();
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        Assert.Single(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == SecurityEventTypes.TamperDetectionActivated && e.Delivered);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a sensor name far longer than the fifty characters allowed")]
    public async Task A_bad_sensor_name_is_refused_and_raises_nothing(string sensor)
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        await harness.BootAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => harness.Hardware.TriggerTamperAsync(sensor).AsTask()).OrTimeout();
        Assert.Contains("1 to 50 characters", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == SecurityEventTypes.TamperDetectionActivated);
    }
}
