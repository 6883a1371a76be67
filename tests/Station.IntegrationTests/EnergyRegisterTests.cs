using CentralSystem;
using CsCheck;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>
/// Pitfall 10: an energy register never runs backwards. Every value the station reported or queued
/// (meterStart, meterStop, MeterValues, transactionData, clock-aligned and triggered values) is a
/// floor for the register after any restart, <c>kill -9</c> included.
/// </summary>
public sealed class EnergyRegisterTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Metering = new()
    {
        ["MeterValueSampleInterval"] = "10",
        ["ClockAlignedDataInterval"] = "0",
        ["StopTxnSampledData"] = "Energy.Active.Import.Register",
    };

    [Fact]
    public async Task A_meterStop_reported_just_before_a_kill_is_the_floor_of_the_next_meterStart()
    {
        // The field report: a local stop reported meterStop 32 Wh, a kill followed, and the next
        // transaction started at 29 Wh, the last reading persisted before the stop.
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, Metering));
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(15));
        var mark = session.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var stop = await session.Next<StopTransactionRequest>(mark);
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        Assert.True(stop.MeterStop > session.CallsSince<MeterValuesRequest>(0).Max(RegisterOf), "the stop is later than the last sample");

        await harness.RestartProcessAsync();
        var after = await harness.BootAsync();
        await harness.StartChargingAsync(after);

        var start = Assert.Single(after.CallsSince<StartTransactionRequest>(0));
        Assert.True(start.MeterStart >= stop.MeterStop, $"meterStart {start.MeterStart} after meterStop {stop.MeterStop}");
    }

    [Fact]
    public async Task A_triggered_reading_is_the_floor_of_the_meterStop_after_a_power_loss()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, Metering));
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(15));
        var mark = session.LastSequence;
        await session.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues, ConnectorId = 1 }).OrTimeout();
        var triggered = await session.Next<MeterValuesRequest>(mark, m => m.MeterValue[0].SampledValue[0].Context == ReadingContext.Trigger);

        await harness.RestartProcessAsync();
        var after = await harness.BootAsync();
        var stop = await after.Next<StopTransactionRequest>(0);

        Assert.Equal(Reason.PowerLoss, stop.Reason);
        Assert.True(stop.MeterStop >= RegisterOf(triggered), $"meterStop {stop.MeterStop} below the triggered {RegisterOf(triggered)}");
    }

    [Fact]
    public async Task The_transactionData_of_a_transaction_a_power_loss_interrupted_reaches_its_StopTransaction()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, Metering));
        var session = await harness.BootAsync();
        await harness.StartChargingAsync(session);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(25));
        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        var sampled = session.CallsSince<MeterValuesRequest>(0).Select(RegisterOf).ToList();
        Assert.Equal(2, sampled.Count);

        await harness.RestartProcessAsync();
        var after = await harness.BootAsync();
        var stop = await after.Next<StopTransactionRequest>(0);

        Assert.Equal(Reason.PowerLoss, stop.Reason);
        var data = Assert.IsAssignableFrom<IReadOnlyList<MeterValue>>(stop.TransactionData);
        Assert.Equal(ReadingContext.TransactionBegin, data[0].SampledValue[0].Context);
        Assert.Equal([.. sampled], data.Skip(1).Select(v => double.Parse(v.SampledValue[0].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>What a generated run does next.</summary>
    public enum Action
    {
        Plug,
        Unplug,
        Card,
        StopButton,
        Advance,
        Trigger,
        Kill,
    }

    [Fact]
    public void Across_random_kills_of_random_sessions_no_register_value_the_Central_System_receives_goes_back()
    {
        var steps = Gen.Select(Gen.Enum<Action>(), Gen.Int[1, 2], Gen.Int[1, 40], (action, connector, seconds) => (action, connector, seconds));
        steps.List[4, 18].Sample(
            run => RunAsync(run).GetAwaiter().GetResult(),
            iter: 12,
            threads: 1,
            print: run => string.Join(", ", run.Select(s => $"{s.action}({s.connector},{s.seconds})")));
    }

    // One generated run on a two-connector station; true when every connector's register values, in time order, never decrease.
    private static async Task<bool> RunAsync(IReadOnlyList<(Action Action, int Connector, int Seconds)> run)
    {
        var configuration = new Dictionary<string, string>(Metering)
        {
            ["ClockAlignedDataInterval"] = "15",
            ["MeterValuesAlignedData"] = "Energy.Active.Import.Register",
            ["StopTxnAlignedData"] = "Energy.Active.Import.Register",
        };
        await using var harness = await StationHarness.StartAsync(CertificationOptions(_ => { }, configuration) with { Model = TwoConnectors() });
        var sessions = new List<StationSession> { await harness.BootAsync() };
        foreach (var (action, connector, seconds) in run)
        {
            switch (action)
            {
                case Action.Plug:
                    await harness.Hardware.PlugAsync(connector).OrTimeout();
                    break;
                case Action.Unplug:
                    await harness.Hardware.UnplugAsync(connector).OrTimeout();
                    break;
                case Action.Card:
                    await harness.Hardware.PresentCardAsync(connector == 1 ? ValidIdTag : ValidIdTag2).OrTimeout();
                    break;
                case Action.StopButton:
                    await harness.Hardware.PressStopButtonAsync(connector).OrTimeout();
                    break;
                case Action.Advance:
                    await harness.AdvanceAsync(TimeSpan.FromSeconds(seconds));
                    break;
                case Action.Trigger:
                    await sessions[^1].CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues }).OrTimeout();
                    break;
                case Action.Kill:
                    await harness.RestartProcessAsync();
                    sessions.Add(await harness.BootAsync());
                    break;
            }

            await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        }

        await harness.Station.Outbox.WaitUntilDrainedAsync(CancellationToken.None).OrTimeout();
        await harness.FlushAsync();
        return Monotonic(sessions, 1) && Monotonic(sessions, 2);
    }

    // Every register value of a connector the Central System received, ordered by the time it was read.
    private static bool Monotonic(IReadOnlyList<StationSession> sessions, int connectorId)
    {
        var frames = sessions.SelectMany(s => s.Frames).ToList();
        var startIds = frames.Where(f => f.Payload is StartTransactionRequest s && s.ConnectorId == connectorId).Select(f => f.MessageId).ToHashSet(StringComparer.Ordinal);
        var transactionIds = frames.Where(f => f.Payload is StartTransactionResponse && startIds.Contains(f.MessageId))
            .Select(f => ((StartTransactionResponse)f.Payload!).TransactionId).ToHashSet();
        var values = new List<(DateTimeOffset At, double Wh)>();
        foreach (var call in sessions.SelectMany(s => s.CallsSince<IOcppRequest>(0)))
        {
            switch (call)
            {
                case StartTransactionRequest start when start.ConnectorId == connectorId:
                    values.Add((start.Timestamp, start.MeterStart));
                    break;
                case MeterValuesRequest meter when meter.ConnectorId == connectorId:
                    values.AddRange(meter.MeterValue.Select(v => (v.Timestamp, Register(v))).Where(v => v.Item2 >= 0));
                    break;
                case StopTransactionRequest stop when transactionIds.Contains(stop.TransactionId):
                    values.Add((stop.Timestamp, stop.MeterStop));
                    values.AddRange((stop.TransactionData ?? []).Select(v => (v.Timestamp, Register(v))).Where(v => v.Item2 >= 0));
                    break;
            }
        }

        var ordered = values.OrderBy(v => v.At).ToList();
        return ordered.Zip(ordered.Skip(1)).All(pair => pair.Second.Wh >= pair.First.Wh);
    }

    private static double RegisterOf(MeterValuesRequest request) => Register(request.MeterValue[0]);

    private static double Register(MeterValue value) =>
        value.SampledValue.FirstOrDefault(v => v.Measurand is null or Measurand.EnergyActiveImportRegister) is { } sampled
            ? double.Parse(sampled.Value, System.Globalization.CultureInfo.InvariantCulture)
            : -1;

    private static Model.StationModel TwoConnectors() =>
        Model.StationModel.Tsct2007Cp with { Connectors = [Model.StationModel.Tsct2007Cp.Connectors[0], Model.StationModel.Tsct2007Cp.Connectors[0]] };
}
