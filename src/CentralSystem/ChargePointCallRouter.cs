using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace CentralSystem;

/// <summary>
/// Builds the <see cref="CallRouter"/> of a session: every Charge Point → Central System action is
/// routed, and its handler is looked up when the CALL arrives, so an override set at any time
/// applies to the next CALL.
/// </summary>
internal static class ChargePointCallRouter
{
    /// <summary>Every action a charge point may send; a test checks it against <see cref="OcppActions.All"/>.</summary>
    public static IReadOnlyList<OcppAction> Actions { get; } =
    [
        OcppActions.Authorize,
        OcppActions.BootNotification,
        OcppActions.DataTransfer,
        OcppActions.DiagnosticsStatusNotification,
        OcppActions.FirmwareStatusNotification,
        OcppActions.Heartbeat,
        OcppActions.MeterValues,
        OcppActions.StartTransaction,
        OcppActions.StatusNotification,
        OcppActions.StopTransaction,
        OcppActions.SignCertificate,
        OcppActions.SecurityEventNotification,
        OcppActions.LogStatusNotification,
        OcppActions.SignedFirmwareStatusNotification,
    ];

    public static CallRouter Create(StationSession session, Func<string, ErasedHandler> resolve) =>
        new CallRouter()
            .Handle(OcppActions.Authorize, Route(session, OcppActions.Authorize, resolve))
            .Handle(OcppActions.BootNotification, Route(session, OcppActions.BootNotification, resolve))
            .Handle(OcppActions.DataTransfer, Route(session, OcppActions.DataTransfer, resolve))
            .Handle(OcppActions.DiagnosticsStatusNotification, Route(session, OcppActions.DiagnosticsStatusNotification, resolve))
            .Handle(OcppActions.FirmwareStatusNotification, Route(session, OcppActions.FirmwareStatusNotification, resolve))
            .Handle(OcppActions.Heartbeat, Route(session, OcppActions.Heartbeat, resolve))
            .Handle(OcppActions.MeterValues, Route(session, OcppActions.MeterValues, resolve))
            .Handle(OcppActions.StartTransaction, Route(session, OcppActions.StartTransaction, resolve))
            .Handle(OcppActions.StatusNotification, Route(session, OcppActions.StatusNotification, resolve))
            .Handle(OcppActions.StopTransaction, Route(session, OcppActions.StopTransaction, resolve))
            .Handle(OcppActions.SignCertificate, Route(session, OcppActions.SignCertificate, resolve))
            .Handle(OcppActions.SecurityEventNotification, Route(session, OcppActions.SecurityEventNotification, resolve))
            .Handle(OcppActions.LogStatusNotification, Route(session, OcppActions.LogStatusNotification, resolve))
            .Handle(OcppActions.SignedFirmwareStatusNotification, Route(session, OcppActions.SignedFirmwareStatusNotification, resolve));

    private static Func<TRequest, IncomingCallContext, CancellationToken, ValueTask<TResponse>> Route<TRequest, TResponse>(
        StationSession session, OcppAction<TRequest, TResponse> action, Func<string, ErasedHandler> resolve)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse =>
        async (request, _, cancellationToken) =>
        {
            using var handlerToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session.Closing);
            try
            {
                return (TResponse)await resolve(action.Name)(session, request, handlerToken.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (session.Closing.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // A handler given up because the session closes: an answer, not a handler failure.
                throw new OcppCallErrorException(OcppErrorCode.GenericError, $"the Central System closed the connection while answering {action.Name}");
            }
        };
}
