using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Configuration;
using Station.Hardware.Simulated;

namespace Station.Host.Run.WarmUp;

/// <summary>
/// What the warm-up plays, chosen to run every path an external Central System's first requests take
/// (docs/latency.md): the boot, the configuration requests (one persisted), each TriggerMessage, and a
/// local and a remote charging session (Authorize, StartTransaction, StatusNotification, StopTransaction
/// through the journal and the outbox). Each step waits for what the station must send, bounded by
/// <see cref="StepTimeout"/>; a step that does not come in time fails the warm-up.
/// </summary>
internal sealed class WarmUpScript(CentralSystemServer csms, StationRunner runner, string chargePointId, CancellationToken cancellationToken)
{
    /// <summary>The whole script takes about half a second; a step that waits this long has failed.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(5);

    private const int Connector = 1;
    private const string IdTag = "WARM-UP";
    private StationSession _session = null!;

    private SimulatedStationHardware Hardware => runner.Hardware;

    /// <summary>Plays the script; throws <see cref="TimeoutException"/> or an OCPP exception when a step fails.</summary>
    public async Task RunAsync()
    {
        _session = await BoundedAsync(csms.WaitForStationAsync(chargePointId, cancellationToken)).ConfigureAwait(false);
        await BoundedAsync(_session.WaitForCallAsync<StatusNotificationRequest>(0, s => s.ConnectorId == Connector)).ConfigureAwait(false);

        await CallAsync(new GetConfigurationRequest()).ConfigureAwait(false);
        var interval = await CallAsync(new GetConfigurationRequest { Key = [CoreKeys.MeterValueSampleInterval] }).ConfigureAwait(false);
        await CallAsync(new ChangeConfigurationRequest { Key = CoreKeys.MeterValueSampleInterval, Value = interval.ConfigurationKey?[0].Value ?? "10" }).ConfigureAwait(false);
        await TriggerAsync<HeartbeatRequest>(MessageTrigger.Heartbeat).ConfigureAwait(false);
        await TriggerAsync<StatusNotificationRequest>(MessageTrigger.StatusNotification).ConfigureAwait(false);
        await TriggerAsync<MeterValuesRequest>(MessageTrigger.MeterValues).ConfigureAwait(false);

        // A local session: the card starts and stops it.
        await PlugAsync().ConfigureAwait(false);
        var from = _session.LastSequence;
        await Hardware.PresentCardAsync(IdTag, cancellationToken).ConfigureAwait(false);
        var local = await StartedAsync(from).ConfigureAwait(false);
        from = _session.LastSequence;
        await Hardware.PresentCardAsync(IdTag, cancellationToken).ConfigureAwait(false);
        await StoppedAsync(from, local).ConfigureAwait(false);
        await UnplugAsync().ConfigureAwait(false);

        // A remote session, as the latency measurements play it: plugged in first.
        await PlugAsync().ConfigureAwait(false);
        from = _session.LastSequence;
        await CallAsync(new RemoteStartTransactionRequest { IdTag = IdTag, ConnectorId = Connector }).ConfigureAwait(false);
        var remote = await StartedAsync(from).ConfigureAwait(false);
        from = _session.LastSequence;
        await CallAsync(new RemoteStopTransactionRequest { TransactionId = remote }).ConfigureAwait(false);
        await StoppedAsync(from, remote).ConfigureAwait(false);
        await UnplugAsync().ConfigureAwait(false);
    }

    private async Task TriggerAsync<TRequest>(MessageTrigger trigger)
        where TRequest : class, IOcppRequest
    {
        var from = _session.LastSequence;
        await CallAsync(new TriggerMessageRequest { RequestedMessage = trigger, ConnectorId = trigger == MessageTrigger.Heartbeat ? null : Connector }).ConfigureAwait(false);
        var call = await BoundedAsync(_session.WaitForFrameAsync(from, f => f.IsCall(FrameDirection.Received) && f.Payload is TRequest)).ConfigureAwait(false);
        await AnsweredAsync(call).ConfigureAwait(false);
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

    private async Task StatusAsync(long from, ChargePointStatus status)
    {
        var call = await BoundedAsync(_session.WaitForFrameAsync(
            from, f => f.IsCall(FrameDirection.Received) && f.Payload is StatusNotificationRequest s && s.ConnectorId == Connector && s.Status == status)).ConfigureAwait(false);
        await AnsweredAsync(call).ConfigureAwait(false);
    }

    private async Task<int> StartedAsync(long from)
    {
        var call = await BoundedAsync(_session.WaitForFrameAsync(from, f => f.IsCall(FrameDirection.Received) && f.Payload is StartTransactionRequest)).ConfigureAwait(false);
        var answer = await AnsweredAsync(call).ConfigureAwait(false);
        await StatusAsync(from, ChargePointStatus.Charging).ConfigureAwait(false);
        return answer.Payload is StartTransactionResponse started
            ? started.TransactionId
            : throw new InvalidOperationException($"the StartTransaction was answered with {answer}");
    }

    private async Task StoppedAsync(long from, int transactionId)
    {
        var call = await BoundedAsync(_session.WaitForFrameAsync(
            from, f => f.IsCall(FrameDirection.Received) && f.Payload is StopTransactionRequest s && s.TransactionId == transactionId)).ConfigureAwait(false);
        await AnsweredAsync(call).ConfigureAwait(false);
        await StatusAsync(from, ChargePointStatus.Finishing).ConfigureAwait(false);
    }

    // Waits for the Central System's answer too, so that the station's side of it has run before the next step.
    private Task<RecordedFrame> AnsweredAsync(RecordedFrame call) =>
        BoundedAsync(_session.WaitForFrameAsync(call.Sequence, f => f.Direction != call.Direction && f.MessageId == call.MessageId));

    private Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse =>
        BoundedAsync(_session.CallAsync(request, cancellationToken));

    private Task<T> BoundedAsync<T>(Task<T> task) => task.WaitAsync(StepTimeout, TimeProvider.System, cancellationToken);
}
