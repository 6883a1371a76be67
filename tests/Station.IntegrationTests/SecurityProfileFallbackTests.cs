using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Security.Connection;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// The fall-back of a new security profile that cannot connect, across a kill -9 of the station
/// process: the trial (the profile to go back to, the failed attempts) is in the SQLite file.
/// </summary>
public sealed class SecurityProfileFallbackTests(ITestOutputHelper output)
{
    private const int Refused = 3454;
    private const int FallingBack = 3452;
    private const int TrialResumed = 3456;

    // The README's promise (ConnectionSecurity.FallbackAfterFailedAttempts): 3 failed attempts in a row, then back.
    private const int FallbackAfterFailedAttempts = 3;

    [Fact]
    public async Task A_profile_on_trial_survives_a_kill_still_falls_back_and_the_fall_back_survives_the_next_restart()
    {
        using var secure = new SecureStation(profile: 2);
        using var otherAuthority = TestCertificates.Authority("Another CA");

        // The Central System trusts client certificates of another CA only: profile 3 cannot get in, profile 2 can.
        var options = secure.UpgradeOptions(output.WriteLine, otherAuthority);
        var configuration = new Dictionary<string, string>(options.Configuration);
        await using var harness = await StationHarness.StartAsync(options with { Configuration = configuration });

        // The harness stores its configuration at every start, as a start-up file: once started, the
        // profile is the station's own (set by the Central System), as with run --config and a data directory.
        configuration.Remove(SecurityKeys.SecurityProfile);
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var answer = await session.CallAsync(new ChangeConfigurationRequest { Key = SecurityKeys.SecurityProfile, Value = "3" }).OrTimeout();
        Assert.Equal(ConfigurationStatus.Accepted, answer.Status);
        await session.WaitForDisconnectAsync().OrTimeout();

        // One refused attempt with profile 3, then kill -9.
        await UntilLoggedAsync(harness, Refused, from: 0);
        var refusedBefore = harness.Logs.Entries.Count(e => e.EventId.Id == Refused);
        Assert.InRange(refusedBefore, 1, FallbackAfterFailedAttempts - 1);
        await harness.RestartProcessAsync();
        var restarted = harness.Logs.Count;

        // The new process is still at 3 and knows the trial: the attempts go on counting, then it falls back.
        Assert.Equal("3", harness.Station.Configuration.Get(SecurityKeys.SecurityProfile));
        Assert.Contains(harness.Logs.Entries, e => e.EventId.Id == TrialResumed);
        var reconnected = await SecureStation.ReconnectedAsync(harness, session, maxAttempts: 20);
        Assert.Null(reconnected.Security.ClientCertificateSubject);
        var read = await reconnected.CallAsync(new GetConfigurationRequest { Key = [SecurityKeys.SecurityProfile] }).OrTimeout();
        Assert.Equal("2", Assert.Single(read.ConfigurationKey!).Value);
        var after = harness.Logs.Entries.Skip(restarted).ToList();
        var fellBackAt = after.FindIndex(e => e.EventId.Id == FallingBack);
        Assert.True(fellBackAt >= 0, "no fall-back after the restart");
        Assert.Equal(FallbackAfterFailedAttempts, refusedBefore + after.Take(fellBackAt).Count(e => e.EventId.Id == Refused));

        // The fall-back is stored too: the next process connects with profile 2 at once, with no trial.
        var beforeSecond = harness.Logs.Count;
        await harness.RestartProcessAsync();
        var third = await harness.BootAsync();
        Assert.Null(third.Security.ClientCertificateSubject);
        Assert.Equal("2", harness.Station.Configuration.Get(SecurityKeys.SecurityProfile));
        Assert.DoesNotContain(harness.Logs.Entries.Skip(beforeSecond), e => e.EventId.Id is TrialResumed or Refused or FallingBack);
    }

    [Fact]
    public async Task A_profile_that_connected_is_no_trial_after_a_restart()
    {
        using var secure = new SecureStation(profile: 2);
        var options = secure.UpgradeOptions(output.WriteLine, secure.Authority);
        var configuration = new Dictionary<string, string>(options.Configuration);
        await using var harness = await StationHarness.StartAsync(options with { Configuration = configuration });
        configuration.Remove(SecurityKeys.SecurityProfile);
        var session = await harness.BootAsync();
        await session.FenceAsync();
        Assert.Equal(ConfigurationStatus.Accepted, (await session.CallAsync(new ChangeConfigurationRequest { Key = SecurityKeys.SecurityProfile, Value = "3" }).OrTimeout()).Status);
        var upgraded = await SecureStation.ReconnectedAsync(harness, session);
        Assert.Equal(secure.ClientCertificate.SerialNumber, upgraded.Security.ClientCertificateSerialNumber);
        await upgraded.FenceAsync();

        var restarted = harness.Logs.Count;
        await harness.RestartProcessAsync();
        var again = await harness.BootAsync();
        Assert.Equal(secure.ClientCertificate.SerialNumber, again.Security.ClientCertificateSerialNumber);
        Assert.DoesNotContain(harness.Logs.Entries.Skip(restarted), e => e.EventId.Id == TrialResumed);
    }

    // Lets virtual time pass, back-off by back-off, until the station logged event <paramref name="id"/>.
    private static async Task UntilLoggedAsync(StationHarness harness, int id, int from)
    {
        var logged = harness.Logs.WaitForAsync(e => e.EventId.Id == id, from);
        for (var attempt = 0; !logged.IsCompleted; attempt++)
        {
            Assert.True(attempt < 12, $"event {id} was not logged");
            await Task.WhenAny(logged, harness.Clock.WaitForTimerWithinAsync(TimeSpan.FromSeconds(8))).OrTimeout();
            if (!logged.IsCompleted)
            {
                await harness.AdvanceAsync(TimeSpan.FromSeconds(8));
            }
        }

        await logged;
    }
}
