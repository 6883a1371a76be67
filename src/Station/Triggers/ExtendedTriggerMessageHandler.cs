using System.Globalization;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;
using Station.Security;

namespace Station.Triggers;

/// <summary>
/// Answers ExtendedTriggerMessage (whitepaper edition 3, §5), under the station lock, with the
/// TriggerMessage machinery: the block that sends the message (<see cref="ITriggerSource"/>) sends
/// it after the answer. FirmwareStatusNotification asks for a SignedFirmwareStatusNotification;
/// SignChargePointCertificate asks the certificate block for a new CSR (NotImplemented without
/// one, Rejected when it cannot now). Rejected for a connector that does not exist.
/// </summary>
internal sealed class ExtendedTriggerMessageHandler(TriggerSources sources, StationContext station)
    : IStationHandler<ExtendedTriggerMessageRequest, ExtendedTriggerMessageResponse>
{
    private readonly ILogger _logger = station.Runtime.LoggerFactory.CreateLogger("Station.Triggers");
    private readonly int _connectorCount = station.Model.Connectors.Count;

    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<ExtendedTriggerMessageResponse> HandleAsync(ExtendedTriggerMessageRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var message = request.RequestedMessage;
        var name = Ocpp16.Json.OcppEnum.WireName(message);
        if (request.ConnectorId is { } id && (id < 0 || id > _connectorCount))
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"connector {id} does not exist");
            TriggersLog.ExtendedRejected(_logger, name, reason);
            return Answer(TriggerMessageStatusEnumType.Rejected);
        }

        if (message == MessageTriggerEnumType.SignChargePointCertificate)
        {
            return SignChargePointCertificate(name, context);
        }

        var action = message == MessageTriggerEnumType.FirmwareStatusNotification ? OcppActions.SignedFirmwareStatusNotification.Name : name;
        if (sources.For(action) is not { } source)
        {
            TriggersLog.ExtendedNotImplemented(_logger, name);
            return Answer(TriggerMessageStatusEnumType.NotImplemented);
        }

        var target = request.ConnectorId?.ToString(CultureInfo.InvariantCulture) ?? "none";
        TriggersLog.ExtendedAccepted(_logger, name, target);
        context.AfterResponse(source.Trigger(action, request.ConnectorId));
        return Answer(TriggerMessageStatusEnumType.Accepted);
    }

    private static ValueTask<ExtendedTriggerMessageResponse> Answer(TriggerMessageStatusEnumType status) =>
        ValueTask.FromResult(new ExtendedTriggerMessageResponse { Status = status });

    // The certificate block may be built after this one: it is looked up when asked.
    private ValueTask<ExtendedTriggerMessageResponse> SignChargePointCertificate(string name, IncomingCallContext context)
    {
        if (station.Find<IChargePointCertificateSigning>() is not { } signing)
        {
            TriggersLog.ExtendedNotImplemented(_logger, name);
            return Answer(TriggerMessageStatusEnumType.NotImplemented);
        }

        if (signing.SignChargePointCertificate() is not { } work)
        {
            TriggersLog.ExtendedRejected(_logger, name, "the certificate block cannot make a CSR now");
            return Answer(TriggerMessageStatusEnumType.Rejected);
        }

        TriggersLog.ExtendedAccepted(_logger, name, "none");
        context.AfterResponse(work);
        return Answer(TriggerMessageStatusEnumType.Accepted);
    }
}
