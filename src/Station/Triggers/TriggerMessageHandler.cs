using System.Globalization;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;
using Station.Runtime;

namespace Station.Triggers;

/// <summary>
/// Answers TriggerMessage (§5.17), under the station lock: Accepted, with the requested message
/// sent right after the TriggerMessage.conf and describing the state at that moment; Rejected for
/// a connector that does not exist (TC_055); NotImplemented for a message no present block sends
/// (the Firmware Management notifications when the station has no file transfer). Which block
/// sends what is the blocks' own declaration (<see cref="ITriggerSource"/>). Served while Pending
/// too (pitfall 2): the triggered message then goes straight to the Central System.
/// </summary>
internal sealed class TriggerMessageHandler(TriggerSources sources, int connectorCount, StationRuntime runtime)
    : IStationHandler<TriggerMessageRequest, TriggerMessageResponse>
{
    private readonly ILogger _logger = runtime.LoggerFactory.CreateLogger("Station.Triggers");

    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<TriggerMessageResponse> HandleAsync(TriggerMessageRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var message = request.RequestedMessage;
        if (request.ConnectorId is { } id && (id < 0 || id > connectorCount))
        {
            TriggersLog.Rejected(_logger, message, id);
            return Answer(TriggerMessageStatus.Rejected);
        }

        // The MessageTrigger values are spelt as the actions they ask for.
        var action = Ocpp16.Json.OcppEnum.WireName(message);
        if (sources.For(action) is not { } source)
        {
            TriggersLog.NotImplemented(_logger, message);
            return Answer(TriggerMessageStatus.NotImplemented);
        }

        var target = request.ConnectorId?.ToString(CultureInfo.InvariantCulture) ?? "none";
        TriggersLog.Accepted(_logger, message, target);
        context.AfterResponse(source.Trigger(action, request.ConnectorId));
        return Answer(TriggerMessageStatus.Accepted);
    }

    private static ValueTask<TriggerMessageResponse> Answer(TriggerMessageStatus status) => ValueTask.FromResult(new TriggerMessageResponse { Status = status });
}
