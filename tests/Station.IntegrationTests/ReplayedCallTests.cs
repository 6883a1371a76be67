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
/// The security event AttemptedReplayAttacks (whitepaper edition 3, appendix 1): the Central System
/// sends a CALL with the message id of one of its recent CALLs on the same connection, which OCPP-J
/// §4.1.3 forbids. The replay is answered CALLERROR SecurityError and not acted on; a resend on a new
/// connection (after a network problem) is no replay. Raw frames over loopback WebSockets.
/// </summary>
public sealed class ReplayedCallTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_CALL_that_repeats_a_message_id_on_the_connection_is_refused_with_SecurityError_and_is_an_AttemptedReplayAttacks_event()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();
        var start = await session.FenceAsync();

        await session.SendRawAsync("""[2,"change-1","ChangeConfiguration",{"key":"HeartbeatInterval","value":"30"}]""");
        await session.WaitForFrameAsync(start, f => f.Text.StartsWith("[3,\"change-1\"", StringComparison.Ordinal)).OrTimeout();
        Assert.Equal(30, harness.Station.Configuration.GetInt("HeartbeatInterval"));

        // The same id again, with another value: not acted on, refused.
        var replayed = session.LastSequence;
        await session.SendRawAsync("""[2,"change-1","ChangeConfiguration",{"key":"HeartbeatInterval","value":"45"}]""");
        var refusal = await session.WaitForFrameAsync(replayed, f => f.Text.StartsWith("[4,\"change-1\"", StringComparison.Ordinal)).OrTimeout();
        Assert.Contains("\"SecurityError\"", refusal.Text, StringComparison.Ordinal);
        Assert.Equal(30, harness.Station.Configuration.GetInt("HeartbeatInterval"));

        var (replay, replayAt) = await session.NextCallAsync<SecurityEventNotificationRequest>(start, e => e.Type == SecurityEventTypes.AttemptedReplayAttacks);
        Assert.Contains("ChangeConfiguration", replay.TechInfo, StringComparison.Ordinal);
        Assert.Contains("change-1", replay.TechInfo, StringComparison.Ordinal);
        Assert.DoesNotContain(session.CallsAfter<SecurityEventNotificationRequest>(start), e => e.Type == SecurityEventTypes.InvalidMessages);

        // More replays within the minute: refused each, counted, one event; after it the next is an event with the count.
        await session.SendRawAsync("""[2,"change-1","ChangeConfiguration",{"key":"HeartbeatInterval","value":"50"}]""");
        await session.SendRawAsync("""[2,"change-1","Reset",{"type":"Hard"}]""");
        await session.FenceAsync();
        Assert.Equal(3, session.Frames.Count(f => f.Text.StartsWith("[4,\"change-1\"", StringComparison.Ordinal)));
        Assert.Single(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == SecurityEventTypes.AttemptedReplayAttacks);
        Assert.Equal(1, harness.Instances);

        await harness.AdvanceAsync(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await session.SendRawAsync("""[2,"change-1","ClearCache",{}]""");
        var (second, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(replayAt, e => e.Type == SecurityEventTypes.AttemptedReplayAttacks);
        Assert.Contains("and 2 more replayed calls", second.TechInfo, StringComparison.Ordinal);
        Assert.True(session.IsConnected);
    }

    [Fact]
    public async Task A_message_id_used_again_on_a_new_connection_is_no_replay_and_is_processed()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, CuttableNetwork = true });
        var session = await harness.BootAsync();
        var start = await session.FenceAsync();
        await session.SendRawAsync("""[2,"resend-1","ChangeConfiguration",{"key":"HeartbeatInterval","value":"30"}]""");
        await session.WaitForFrameAsync(start, f => f.Text.StartsWith("[3,\"resend-1\"", StringComparison.Ordinal)).OrTimeout();

        await harness.GoOfflineAsync();
        var online = await harness.GoOnlineAsync(session);
        var mark = await online.FenceAsync();
        await online.SendRawAsync("""[2,"resend-1","ChangeConfiguration",{"key":"HeartbeatInterval","value":"20"}]""");
        await online.WaitForFrameAsync(mark, f => f.Text.StartsWith("[3,\"resend-1\"", StringComparison.Ordinal)).OrTimeout();

        Assert.Equal(20, harness.Station.Configuration.GetInt("HeartbeatInterval"));
        await online.FenceAsync();
        Assert.DoesNotContain(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == SecurityEventTypes.AttemptedReplayAttacks);
    }
}
