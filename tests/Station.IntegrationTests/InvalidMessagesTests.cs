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
/// The security event InvalidMessages (whitepaper edition 3, appendix 1): the station received what
/// is no valid OCPP message. Raw frames from the built-in Central System over loopback WebSockets.
/// </summary>
public sealed class InvalidMessagesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Frames_that_are_no_valid_OCPP_messages_are_an_InvalidMessages_event_at_most_once_a_minute_with_the_count()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var start = await session.FenceAsync();

        // A CALL whose payload breaks its schema: answered with a CALLERROR, and the event is sent.
        await session.SendRawAsync("""[2,"bad-1","ChangeAvailability",{"connectorId":"one","type":"Inoperative"}]""");
        var (first, firstAt) = await session.NextCallAsync<SecurityEventNotificationRequest>(start, e => e.Type == SecurityEventTypes.InvalidMessages);
        Assert.Contains("ChangeAvailability", first.TechInfo, StringComparison.Ordinal);
        Assert.Contains(session.Frames, f => f.Text.StartsWith("[4,\"bad-1\"", StringComparison.Ordinal));

        // Within the minute: no JSON at all, an unknown action, an answer to nothing: counted, not an event each.
        await session.SendRawAsync("not json at all");
        await session.SendRawAsync("""[2,"bad-2","NoSuchAction",{}]""");
        await session.SendRawAsync("""[3,"bad-3"]""");
        await session.FenceAsync();
        Assert.Single(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == SecurityEventTypes.InvalidMessages);

        // A valid CALL refused for what it asks is no invalid message.
        var refused = await session.CallAsync(new ChangeConfigurationRequest { Key = "NoSuchKey", Value = "1" }).OrTimeout();
        Assert.Equal(ConfigurationStatus.NotSupported, refused.Status);

        // After the minute the next one is an event again, and tells how many were only counted.
        await harness.AdvanceAsync(InvalidMessageEventsWindow + TimeSpan.FromSeconds(1));
        await session.SendRawAsync("""[2,"bad-4","Reset",{"type":"Sideways"}]""");
        var (second, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(firstAt, e => e.Type == SecurityEventTypes.InvalidMessages);
        Assert.Contains("Reset", second.TechInfo, StringComparison.Ordinal);
        Assert.Contains("and 3 more", second.TechInfo, StringComparison.Ordinal);
        await session.FenceAsync();
        Assert.True(session.IsConnected);
        Assert.Equal(2, harness.Station.Block<SecurityEventsService>()!.Entries().Count(e => e.Type == SecurityEventTypes.InvalidMessages));
    }

    // InvalidMessageEvents.Window (internal to the station): the README's "at most one a minute".
    private static TimeSpan InvalidMessageEventsWindow => TimeSpan.FromMinutes(1);
}
