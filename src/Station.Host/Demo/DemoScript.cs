using System.Globalization;
using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Configuration;
using Station.Hardware.Simulated;
using Station.Host.Run;

namespace Station.Host.Demo;

/// <summary>
/// The steps of the demo, each driving the simulated hardware or the Central System and then
/// waiting, bounded by <see cref="DemoOptions.StepTimeout"/>, for what the station must send:
/// boot; a local session (plug in, card, charge with MeterValues, same card to stop, unplug);
/// a remote session (plug in, RemoteStartTransaction, charge, RemoteStopTransaction, unplug).
/// </summary>
internal sealed class DemoScript(
    CentralSystemServer csms, StationRunner runner, RoundTripObserver roundTrips, DemoOptions options, Action<string> step, CancellationToken cancellationToken)
{
    /// <summary>The card presented at the reader.</summary>
    public const string CardIdTag = "DEMO-CARD";

    /// <summary>The idTag of the remote start (a driver's app account).</summary>
    public const string AppIdTag = "DEMO-APP";

    private const int Connector = 1;
    private StationSession _session = null!;

    private SimulatedStationHardware Hardware => runner.Hardware;

    /// <summary>Plays the script; returns the session whose frames tell what happened.</summary>
    public async Task<StationSession> RunAsync()
    {
        await BootAsync().ConfigureAwait(false);

        step("The Central System reads the intervals back from the station");
        await CallAsync(new GetConfigurationRequest { Key = [CoreKeys.HeartbeatInterval, CoreKeys.MeterValueSampleInterval, CoreKeys.ClockAlignedDataInterval] }).ConfigureAwait(false);

        // C-07 / C-08: local start and local stop with the same card.
        step($"Plug the EV into connector {Connector}");
        await PlugAsync().ConfigureAwait(false);
        step($"Present card {CardIdTag} at the reader");
        var from = _session.LastSequence;
        await Hardware.PresentCardAsync(CardIdTag, cancellationToken).ConfigureAwait(false);
        var local = await StartedAsync(from, CardIdTag).ConfigureAwait(false);
        await ChargeAsync(local).ConfigureAwait(false);
        step($"Present card {CardIdTag} again to stop");
        from = _session.LastSequence;
        await Hardware.PresentCardAsync(CardIdTag, cancellationToken).ConfigureAwait(false);
        await StoppedAsync(from, local).ConfigureAwait(false);
        step("Unplug the EV");
        await UnplugAsync().ConfigureAwait(false);

        // Plugged in first, so that RemoteStartTransaction → StartTransaction is the station's own
        // reaction time, the figure the certification lab measured (3.39 s).
        step($"Plug the EV in again; the driver starts charging from an app ({AppIdTag})");
        await PlugAsync().ConfigureAwait(false);
        from = _session.LastSequence;
        var remoteStart = await CallAsync(new RemoteStartTransactionRequest { IdTag = AppIdTag, ConnectorId = Connector }).ConfigureAwait(false);
        RequireAccepted(OcppActions.RemoteStartTransaction, remoteStart.Status);
        var remote = await StartedAsync(from, AppIdTag).ConfigureAwait(false);
        await ChargeAsync(remote).ConfigureAwait(false);
        step($"The Central System stops transaction {remote.ToString(CultureInfo.InvariantCulture)} remotely");
        from = _session.LastSequence;
        var remoteStop = await CallAsync(new RemoteStopTransactionRequest { TransactionId = remote }).ConfigureAwait(false);
        RequireAccepted(OcppActions.RemoteStopTransaction, remoteStop.Status);
        await StoppedAsync(from, remote).ConfigureAwait(false);
        step("Unplug the EV");
        await UnplugAsync().ConfigureAwait(false);
        await WaitAsync("the answers to the station's last CALLs", roundTrips.WaitUntilAnsweredAsync(cancellationToken)).ConfigureAwait(false);
        step("Done; stopping the station");
        return _session;
    }

    private async Task BootAsync()
    {
        step($"Start station {options.ChargePointId}: it connects, boots and reports its connectors");
        _session = await WaitAsync("the station to connect", csms.WaitForStationAsync(options.ChargePointId, cancellationToken)).ConfigureAwait(false);
        await WaitAsync("the BootNotification", _session.WaitForFrameAsync(0, f => f.IsAnswerTo(OcppActions.BootNotification), cancellationToken)).ConfigureAwait(false);
        for (var connectorId = 0; connectorId <= Connector; connectorId++)
        {
            var id = connectorId;
            await WaitAsync($"the status of connector {id}", _session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == id, cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task PlugAsync()
    {
        var from = _session.LastSequence;
        await Hardware.PlugAsync(Connector, cancellationToken).ConfigureAwait(false);
        await StatusAsync(from, ChargePointStatus.Preparing).ConfigureAwait(false);
    }

    private async Task UnplugAsync()
    {
        var from = _session.LastSequence;
        await Hardware.UnplugAsync(Connector, cancellationToken).ConfigureAwait(false);
        await StatusAsync(from, ChargePointStatus.Available).ConfigureAwait(false);
    }

    // Waits for the answer too, so that the flow shows it before the next step.
    private async Task StatusAsync(long from, ChargePointStatus status)
    {
        var call = await WaitAsync(
            $"connector {Connector} to report {status}",
            _session.WaitForFrameAsync(
                from, f => f.IsCall(FrameDirection.Received) && f.Payload is StatusNotificationRequest s && s.ConnectorId == Connector && s.Status == status, cancellationToken))
            .ConfigureAwait(false);
        await AnswerAsync(call).ConfigureAwait(false);
    }

    // The StartTransaction of idTag answered, and the connector Charging: returns the transactionId.
    private async Task<int> StartedAsync(long from, string idTag)
    {
        var call = await WaitAsync(
            $"a StartTransaction for {idTag}",
            _session.WaitForFrameAsync(from, f => f.IsCall(FrameDirection.Received) && f.Payload is StartTransactionRequest s && s.IdTag == idTag, cancellationToken))
            .ConfigureAwait(false);
        var answer = await AnswerAsync(call).ConfigureAwait(false);
        if (answer.Payload is not StartTransactionResponse { IdTagInfo.Status: AuthorizationStatus.Accepted } started)
        {
            throw new DemoFailedException($"the Central System did not accept the StartTransaction of {idTag}: {answer}");
        }

        await StatusAsync(from, ChargePointStatus.Charging).ConfigureAwait(false);
        return started.TransactionId;
    }

    private async Task ChargeAsync(int transactionId)
    {
        var count = options.MeterValuesPerTransaction;
        step(string.Create(CultureInfo.InvariantCulture, $"Charge until the station has sent {count} MeterValues (one every {DemoSession.MeterValueSampleIntervalSeconds} s)"));
        var from = _session.LastSequence;
        for (var i = 0; i < count; i++)
        {
            var sample = await WaitAsync(
                $"MeterValues of transaction {transactionId}",
                _session.WaitForFrameAsync(
                    from, f => f.IsCall(FrameDirection.Received) && f.Payload is MeterValuesRequest m && m.TransactionId == transactionId, cancellationToken))
                .ConfigureAwait(false);
            from = sample.Sequence;
            await AnswerAsync(sample).ConfigureAwait(false);
        }
    }

    private async Task StoppedAsync(long from, int transactionId)
    {
        var call = await WaitAsync(
            $"the StopTransaction of transaction {transactionId}",
            _session.WaitForFrameAsync(from, f => f.IsCall(FrameDirection.Received) && f.Payload is StopTransactionRequest s && s.TransactionId == transactionId, cancellationToken))
            .ConfigureAwait(false);
        await AnswerAsync(call).ConfigureAwait(false);
        await StatusAsync(from, ChargePointStatus.Finishing).ConfigureAwait(false);
    }

    private Task<RecordedFrame> AnswerAsync(RecordedFrame call) =>
        WaitAsync($"the answer to {call.Action}", _session.WaitForFrameAsync(call.Sequence, f => f.Direction != call.Direction && f.MessageId == call.MessageId, cancellationToken));

    private async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse
    {
        try
        {
            var action = request.GetType().Name.Replace("Request", string.Empty, StringComparison.Ordinal);
            return await WaitAsync($"the answer to {action}", _session.CallAsync(request, cancellationToken)).ConfigureAwait(false);
        }
        catch (OcppCallErrorException ex)
        {
            throw new DemoFailedException($"the station answered {request.GetType().Name} with {ex.RawErrorCode}: {ex.Description}", ex);
        }
    }

    private static void RequireAccepted(OcppAction action, RemoteStartStopStatus status)
    {
        if (status != RemoteStartStopStatus.Accepted)
        {
            throw new DemoFailedException($"the station answered {action.Name} with {status}");
        }
    }

    private async Task<T> WaitAsync<T>(string what, Task<T> task)
    {
        await WaitAsync(what, (Task)task).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    private async Task WaitAsync(string what, Task task)
    {
        try
        {
            await task.WaitAsync(options.StepTimeout, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new DemoFailedException($"waited {options.StepTimeout.TotalSeconds:0.###} s for {what}{StationProblem()}");
        }
        catch (OcppException ex)
        {
            throw new DemoFailedException($"while waiting for {what}: {ex.Message}{StationProblem()}", ex);
        }
    }

    // A station that crashed explains a timeout better than the timeout does.
    private string StationProblem() =>
        runner.ExecuteTask is { IsFaulted: true } crashed ? $"; the station stopped: {crashed.Exception.InnerException?.Message}" : string.Empty;
}
