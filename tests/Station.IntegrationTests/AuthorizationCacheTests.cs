using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>C-04: the authorization cache, with LocalPreAuthorize.</summary>
public sealed class AuthorizationCacheTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> CacheOn = new()
    {
        ["AuthorizationCacheEnabled"] = "true",
        ["LocalPreAuthorize"] = "true",
    };

    [Fact]
    [Trait("Cert", "TC_007_1_CS")]
    public async Task TC_007_1_CS_A_cached_card_starts_without_Authorize()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, CacheOn));
        var session = await harness.BootAsync();
        await harness.CacheAsync(session, ValidIdTag);
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Hardware.PlugAsync(1).OrTimeout();

        await session.Next<StartTransactionRequest>(mark, s => s.IdTag == ValidIdTag);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
        Assert.Empty(session.CallsSince<AuthorizeRequest>(mark));
    }

    [Fact]
    [Trait("Cert", "TC_007_2_CS")]
    [Trait("Cert", "TC_007_CS")]
    public async Task TC_007_2_CS_A_remote_start_of_a_cached_idTag_sends_no_Authorize()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, CacheOn));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("AuthorizeRemoteTxRequests", "true");
        await harness.CacheAsync(session, ValidIdTag);
        var mark = session.LastSequence;

        await harness.RemoteStartChargingAsync(session, ValidIdTag);

        Assert.Empty(session.CallsSince<AuthorizeRequest>(mark));
    }

    [Fact]
    [Trait("Cert", "TC_061_CS")]
    [Trait("Cert", "TC_061_1_CS")]
    public async Task TC_061_CS_After_ClearCache_a_cached_card_is_authorized_online_again()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, CacheOn));
        var session = await harness.BootAsync();
        await session.ConfigureAsync("ConnectionTimeOut", "20");
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.Next<AuthorizeRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Clock.AdvanceWhenArmedAsync(TimeSpan.FromSeconds(20));
        await session.NextStatus(mark, 1, ChargePointStatus.Available);

        var cleared = await session.CallAsync(new ClearCacheRequest()).OrTimeout();
        Assert.Equal(ClearCacheStatus.Accepted, cleared.Status);
        var afterClear = session.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();

        await session.Next<AuthorizeRequest>(afterClear, a => a.IdTag == ValidIdTag);
    }

    [Fact]
    [Trait("Cert", "TC_061_2_CS")]
    public async Task TC_061_2_CS_After_ClearCache_a_remote_start_of_a_cached_idTag_is_authorized_online_again()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new(CacheOn) { ["AuthorizeRemoteTxRequests"] = "true" }));
        var session = await harness.BootAsync();
        await harness.CacheAsync(session, ValidIdTag);
        await session.CallAsync(new ClearCacheRequest()).OrTimeout();
        var mark = session.LastSequence;

        await harness.RemoteStartChargingAsync(session, ValidIdTag);

        Assert.Single(session.CallsSince<AuthorizeRequest>(mark));
    }

    [Fact]
    public async Task The_cache_survives_a_reboot()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, CacheOn));
        var session = await harness.BootAsync();
        await harness.CacheAsync(session, ValidIdTag);

        await harness.PowerCycleAsync();
        var rebooted = await harness.BootAsync();
        var mark = rebooted.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await rebooted.NextStatus(mark, 1, ChargePointStatus.Preparing);

        Assert.Empty(rebooted.CallsSince<AuthorizeRequest>(mark));
    }
}
