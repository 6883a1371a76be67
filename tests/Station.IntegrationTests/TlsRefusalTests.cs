using Ocpp16.Testing;
using Station.Composition;
using Station.IntegrationTests.Support;
using Station.Security;
using Station.Security.Events;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// The station refuses a Central System it must not talk to (security whitepaper, secure connection
/// setup), over real loopback TLS: a TLS 1.1-only server, a certificate for another host name, an expired one.
/// Each refusal is written to the security log (event 3100) with its security event, retried with
/// back-off, and never a crash.
/// </summary>
public sealed class TlsRefusalTests(ITestOutputHelper output)
{
    private const int SecurityEventLogged = 3100;
    private const int Refused = 3454;

    [Fact]
    public async Task A_Central_System_that_offers_only_TLS_1_1_is_refused_with_InvalidTLSVersion()
    {
        using var secure = new SecureStation(profile: 2);
        await using var legacy = LegacyTlsServer.Start(LegacyTlsServer.Tls11);
        var configured = RealSecurityLog(secure.Options(output.WriteLine));
        var provision = configured.ConfigureStation!;
        var options = configured with { ConfigureStation = o => provision(o) with { CentralSystemUri = legacy.Endpoint } };
        await using var harness = await StationHarness.StartAsync(options);

        var logged = await harness.Logs.WaitForAsync(e => e.EventId.Id == SecurityEventLogged && e.Message.Contains(SecurityEventTypes.InvalidTlsVersion, StringComparison.Ordinal));
        Assert.Equal(LegacyTlsExchange.ProtocolVersionAlert, (await legacy.FirstExchange.OrTimeout()).AlertDescription);
        var entry = Assert.Single(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == SecurityEventTypes.InvalidTlsVersion);
        Assert.Contains("unsupported protocol", entry.TechInfo, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SecurityEventTypes.InvalidTlsVersion, logged.Message, StringComparison.Ordinal);
        await RetriedWithoutAnotherEventAsync(harness, SecurityEventTypes.InvalidTlsVersion);
    }

    [Fact]
    public async Task A_Central_System_certificate_for_another_host_name_is_refused_with_CentralSystemFailedToAuthenticate()
    {
        using var secure = new SecureStation(profile: 2);

        // Issued by the trusted CA and valid now: only the name is wrong (the station dials 127.0.0.1). The certificate
        // passes path validation, so it is not an invalid certificate: the Central System failed to prove it is the one dialled.
        var options = RealSecurityLog(secure.Options(output.WriteLine, csms => csms with { ServerCertificate = TestCertificates.Server(secure.Authority, "csms.example.com") }));
        await using var harness = await StationHarness.StartAsync(options);

        await harness.Logs.WaitForAsync(e => e.EventId.Id == SecurityEventLogged && e.Message.Contains(SecurityEventTypes.CentralSystemFailedToAuthenticate, StringComparison.Ordinal));
        var entries = harness.Station.Block<SecurityEventsService>()!.Entries();
        var entry = Assert.Single(entries, e => e.Type == SecurityEventTypes.CentralSystemFailedToAuthenticate);
        Assert.Contains("127.0.0.1", entry.TechInfo, StringComparison.Ordinal);
        Assert.Contains("not issued for the host", entry.TechInfo, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.Type == SecurityEventTypes.InvalidCentralSystemCertificate);
        Assert.False(harness.Csms.TryGetSession(harness.ChargePointId, out _));
        await RetriedWithoutAnotherEventAsync(harness, SecurityEventTypes.CentralSystemFailedToAuthenticate);
    }

    [Fact]
    public async Task A_Central_System_certificate_that_has_expired_is_refused_with_InvalidCentralSystemCertificate_only()
    {
        using var secure = new SecureStation(profile: 2);

        // The right name and the trusted CA, but out of date: the certificate itself is invalid.
        using var expired = TestCertificates.ExpiredServer(secure.Authority);
        var options = RealSecurityLog(secure.Options(output.WriteLine, csms => csms with { ServerCertificate = expired }));
        await using var harness = await StationHarness.StartAsync(options);

        await harness.Logs.WaitForAsync(e => e.EventId.Id == SecurityEventLogged && e.Message.Contains(SecurityEventTypes.InvalidCentralSystemCertificate, StringComparison.Ordinal));
        var entries = harness.Station.Block<SecurityEventsService>()!.Entries();
        Assert.Contains("expired", Assert.Single(entries, e => e.Type == SecurityEventTypes.InvalidCentralSystemCertificate).TechInfo, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(entries, e => e.Type == SecurityEventTypes.CentralSystemFailedToAuthenticate);
    }

    // The real security log (no recorder) keeps the events, as a user's station would.
    private static StationHarnessOptions RealSecurityLog(StationHarnessOptions options) => options with { Composition = StationComposition.Default };

    // A failed attempt with back-off: the station dials again and is refused again, one event per streak.
    private static async Task RetriedWithoutAnotherEventAsync(StationHarness harness, string type)
    {
        var before = harness.Logs.Count;
        await harness.Clock.WaitForTimerWithinAsync(TimeSpan.FromSeconds(8)).OrTimeout();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(8));
        await harness.Logs.WaitForAsync(e => e.EventId.Id == Refused, before).OrTimeout();
        Assert.False(harness.Station.Link.IsConnected);
        Assert.Single(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == type);
    }
}
