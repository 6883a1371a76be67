using CentralSystem.Tests.Support;
using Ocpp16.Messages;
using Xunit;
using Xunit.Abstractions;

namespace CentralSystem.Tests;

public sealed class FleetTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Stations = 200;
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync();

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task Two_hundred_stations_boot_and_start_a_transaction_at_once_with_unique_transaction_ids()
    {
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var started = TimeProvider.System.GetTimestamp();

        var chargePoints = await Task.WhenAll(Enumerable.Range(1, Stations).Select(i => _csms.ConnectAsync($"cp{i:D4}"))).Bounded();
        var connected = TimeProvider.System.GetElapsedTime(started);
        var answers = await Task.WhenAll(chargePoints.Select(async chargePoint =>
        {
            var boot = await chargePoint.BootAsync();
            var start = await chargePoint.CallAsync(SampleRequests.StartTransaction with { IdTag = chargePoint.ChargePointId });
            return (boot, start);
        })).Bounded();
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var threads = process.Threads.Count;

        Assert.All(answers, answer => Assert.Equal(RegistrationStatus.Accepted, answer.boot.Status));
        Assert.Equal(Enumerable.Range(1, Stations), answers.Select(answer => answer.start.TransactionId).Order());
        Assert.Equal(Stations, _csms.Server.Sessions.Count);
        Assert.All(_csms.Server.Sessions, session => Assert.Equal(4, session.LastSequence));

        // No thread per connection: the whole process, both ends of every connection, stays far below one each.
        Assert.True(threads < Stations, $"{threads} threads for {Stations} stations");
        output.WriteLine(
            $"{Stations} stations: connected in {connected.TotalMilliseconds:0} ms, booted and started in {elapsed.TotalMilliseconds:0} ms; " +
            $"managed heap +{(memoryAfter - memoryBefore) / 1024.0 / Stations:0.0} KiB per station (both ends of each connection, with frame history); {threads} threads in the process");
    }
}
