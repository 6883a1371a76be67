using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Configuration;
using Station.Host.Demo;

namespace Station.Host.Run.WarmUp;

/// <summary>
/// What the warm-up plays, chosen to run every path an external Central System's first requests take
/// (docs/latency.md): the demo's script without its MeterValues (the boot, a local and a remote charging
/// session: Authorize, StartTransaction, StatusNotification, StopTransaction through the journal and the
/// outbox), then the configuration requests (one persisted) and each TriggerMessage. Each step waits for
/// what the station must send, bounded by <see cref="StepTimeout"/>; a step that does not come in time fails the warm-up.
/// </summary>
internal sealed class WarmUpScript(CentralSystemServer csms, StationRunner runner, RoundTripObserver roundTrips, DemoOptions options, CancellationToken cancellationToken)
{
    /// <summary>The whole script takes about half a second; a step that waits this long has failed.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(5);

    private const int Connector = 1;
    private StationSession _session = null!;

    /// <summary>Plays the script; throws <see cref="DemoFailedException"/>, <see cref="TimeoutException"/> or an OCPP exception when a step fails.</summary>
    public async Task RunAsync()
    {
        _session = await new DemoScript(csms, runner, roundTrips, options, static _ => { }, cancellationToken).RunAsync().ConfigureAwait(false);

        await CallAsync(new GetConfigurationRequest()).ConfigureAwait(false);
        var interval = await CallAsync(new GetConfigurationRequest { Key = [CoreKeys.MeterValueSampleInterval] }).ConfigureAwait(false);
        await CallAsync(new ChangeConfigurationRequest { Key = CoreKeys.MeterValueSampleInterval, Value = interval.ConfigurationKey?[0].Value ?? "10" }).ConfigureAwait(false);
        await TriggerAsync<HeartbeatRequest>(MessageTrigger.Heartbeat).ConfigureAwait(false);
        await TriggerAsync<StatusNotificationRequest>(MessageTrigger.StatusNotification).ConfigureAwait(false);
        await TriggerAsync<MeterValuesRequest>(MessageTrigger.MeterValues).ConfigureAwait(false);
    }

    // Waits for the Central System's answer to the triggered message too, so that the station's side of it has run.
    private async Task TriggerAsync<TRequest>(MessageTrigger trigger)
        where TRequest : class, IOcppRequest
    {
        var from = _session.LastSequence;
        await CallAsync(new TriggerMessageRequest { RequestedMessage = trigger, ConnectorId = trigger == MessageTrigger.Heartbeat ? null : Connector }).ConfigureAwait(false);
        var call = await BoundedAsync(_session.WaitForFrameAsync(from, f => f.IsCall(FrameDirection.Received) && f.Payload is TRequest)).ConfigureAwait(false);
        await BoundedAsync(_session.WaitForFrameAsync(call.Sequence, f => f.Direction != call.Direction && f.MessageId == call.MessageId)).ConfigureAwait(false);
    }

    private Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse =>
        BoundedAsync(_session.CallAsync(request, cancellationToken));

    private Task<T> BoundedAsync<T>(Task<T> task) => task.WaitAsync(StepTimeout, TimeProvider.System, cancellationToken);
}
