using Ocpp16.Messages;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

public sealed class BootTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Cert", "TC_001_CS")]
    public async Task Cold_boot_registers_and_reports_every_connector_available()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var boot = await session.WaitForFirstCallAsync<BootNotificationRequest>().OrTimeout();
        Assert.Equal("TaeSeongConTech", boot.ChargePointVendor);
        Assert.Equal("TSCT-2007CP", boot.ChargePointModel);
        var statuses = session.Frames.Select(f => f.Payload).OfType<StatusNotificationRequest>().ToList();
        Assert.Equal([0, 1], statuses.Select(s => s.ConnectorId).Order());
        Assert.All(statuses, s => Assert.Equal(ChargePointStatus.Available, s.Status));
    }
}
