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
/// MemoryExhaustion before anything fails ("the Flash or RAM memory of the Charge Point is getting
/// full", whitepaper edition 3, appendix 1): the station reads how full memory and its data volume
/// are every ResourceCheckInterval (virtual time here) and reports the event once a minute at most.
/// </summary>
public sealed class ResourceWatchTests(ITestOutputHelper output)
{
    private const long MiB = 1024L * 1024;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Memory_at_the_high_load_threshold_is_a_MemoryExhaustion_event_and_a_healthy_reading_is_none()
    {
        var gauge = new SettableResourceGauge();
        await using var harness = await StartAsync(gauge);
        var session = await harness.BootAsync();
        var start = await session.FenceAsync();

        await harness.AdvanceAsync(Interval);
        await session.FenceAsync();
        Assert.True(gauge.Reads >= 1);
        Assert.DoesNotContain(session.CallsAfter<SecurityEventNotificationRequest>(start), e => e.Type == SecurityEventTypes.MemoryExhaustion);

        gauge.Reading = gauge.Reading with { MemoryUsedBytes = 7_500 * MiB, MemoryLimitBytes = 7_372 * MiB };
        await harness.AdvanceAsync(Interval);
        var (exhausted, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(start, e => e.Type == SecurityEventTypes.MemoryExhaustion);
        Assert.Equal("memory getting full: 7500 MiB in use, high-load threshold 7372 MiB", exhausted.TechInfo);
        Assert.Contains(harness.Station.Block<SecurityEventsService>()!.Entries(), e => e.Type == SecurityEventTypes.MemoryExhaustion);
    }

    [Fact]
    public async Task A_data_volume_with_less_than_5_percent_free_is_a_MemoryExhaustion_event_at_most_once_a_minute()
    {
        var gauge = new SettableResourceGauge();
        await using var harness = await StartAsync(gauge, TimeSpan.FromSeconds(20));
        var session = await harness.BootAsync();
        var start = await session.FenceAsync();

        gauge.Reading = gauge.Reading with { StorageFreeBytes = 40 * MiB, StorageTotalBytes = 1_000 * MiB };
        await harness.AdvanceAsync(TimeSpan.FromSeconds(20));
        var (first, at) = await session.NextCallAsync<SecurityEventNotificationRequest>(start, e => e.Type == SecurityEventTypes.MemoryExhaustion);
        Assert.Equal("storage getting full: 40 MiB free of 1000 MiB", first.TechInfo);

        // Two more readings within the minute are counted, not sent; the one after it says so.
        await harness.AdvanceAsync(TimeSpan.FromSeconds(40));
        await session.FenceAsync();
        Assert.Single(session.CallsAfter<SecurityEventNotificationRequest>(start), e => e.Type == SecurityEventTypes.MemoryExhaustion);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(20));
        var (second, _) = await session.NextCallAsync<SecurityEventNotificationRequest>(at, e => e.Type == SecurityEventTypes.MemoryExhaustion);
        Assert.Contains("more readings before it", second.TechInfo, StringComparison.Ordinal);
    }

    [Fact]
    public void The_process_gauge_reads_this_process_and_this_volume()
    {
        using var directory = new TempDirectory();
        var reading = new ProcessResourceGauge(directory.Path).Read();

        Assert.True(reading.MemoryUsedBytes > 0);
        Assert.True(reading.MemoryLimitBytes > 0);
        Assert.True(reading.StorageTotalBytes > 0);
        Assert.InRange(reading.StorageFreeBytes!.Value, 0, reading.StorageTotalBytes!.Value);
    }

    private Task<StationHarness> StartAsync(SettableResourceGauge gauge, TimeSpan? interval = null) => StationHarness.StartAsync(new()
    {
        Output = output.WriteLine,
        ConfigureStation = options => options with { ResourceGauge = gauge, ResourceCheckInterval = interval ?? Interval },
    });
}
