using System.Globalization;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing.Faults;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

/// <summary>
/// Found by the chaos benchmark (a kill between a MeterValues reaching the Central System and its
/// answer): the station's main meter, connector 0, ran backwards after a power loss. Its
/// clock-aligned value is the sum of the connectors; it left the station before the reading of a
/// connector in a transaction was persisted, so after the restart that connector resumed from an
/// older floor and connector 0 reported less than before (pitfall 10).
/// </summary>
public sealed class PowerCutEnergyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Connector_0_never_runs_backwards_when_the_power_goes_right_after_its_clock_aligned_value_left()
    {
        await using var rig = await PowerCutRig.StartAsync(
            new Dictionary<string, string> { ["ClockAlignedDataInterval"] = "60", ["MeterValueSampleInterval"] = "0" }, output.WriteLine);
        rig.Logs.ExpectedError = e => e.Exception is IOException;
        var session = await rig.BootAsync();
        var mark = session.LastSequence;
        await rig.Hardware.PlugAsync(1).OrTimeout();
        await rig.Hardware.PresentCardAsync("CUT-CARD").OrTimeout();
        await session.WaitForCallAsync<StartTransactionRequest>(mark).OrTimeout();
        await rig.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();

        // The aligned tick sends connector 0's value, then persists connector 1's transaction reading: that commit never happens.
        var held = rig.Store.HoldNextSample(sample => sample.MeterValuesPayload is not null);
        var beforeTick = session.LastSequence;
        var now = rig.Clock.GetUtcNow();
        var boundary = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);

        // Only to the boundary: a later meter checkpoint would persist the reading and hide the loss.
        _ = Task.Run(() => rig.Clock.Advance(boundary - now));
        await held.Reached.OrTimeout();
        var main = await session.WaitForCallAsync<MeterValuesRequest>(beforeTick, m => m.ConnectorId == 0).OrTimeout();
        Assert.True(Register(main) > 0, "the EV drew energy for most of a minute");

        await rig.CutPowerAsync(held);
        var after = await rig.BootAsync(session);
        var stop = await after.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();

        // Its answer first: a minute's jump with the StopTransaction still in flight would be its response timeout.
        await rig.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        var nextTick = after.LastSequence;
        rig.Clock.Advance(TimeSpan.FromSeconds(60));
        var next = await after.WaitForCallAsync<MeterValuesRequest>(nextTick, m => m.ConnectorId == 0).OrTimeout();

        Assert.Equal(Reason.PowerLoss, stop.Reason);
        Assert.True(Register(next) >= Register(main), $"connector 0 reported {Register(main)} Wh, then {Register(next)} Wh after the power loss");
        Assert.True(stop.MeterStop >= Register(main), $"the interrupted transaction stopped at {stop.MeterStop} Wh, below the {Register(main)} Wh connector 0 had reported of it");
    }

    private static decimal Register(MeterValuesRequest request) =>
        decimal.Parse(request.MeterValue[0].SampledValue.First(v => v.Measurand is null or Measurand.EnergyActiveImportRegister).Value, CultureInfo.InvariantCulture);
}
