using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;
using Station.Runtime;
using Station.Transactions;

namespace Station.SmartCharging;

/// <summary>
/// Answers SetChargingProfile (§5.16): Accepted and installed (persisted), or Rejected with nothing installed.
/// A TxProfile naming a transactionId the station does not know yet while a StartTransaction is being
/// delivered waits for that delivery first (<see cref="StartConfirmationWait"/>): the Central System may
/// send it right after answering the StartTransaction, before the station has applied the answer.
/// </summary>
internal sealed class SetChargingProfileHandler(SmartChargingService profiles, TransactionService transactions, IStartConfirmations confirmations, StationRuntime runtime)
    : IStationHandler<SetChargingProfileRequest, SetChargingProfileResponse>
{
    private readonly ILogger _logger = runtime.LoggerFactory.CreateLogger("Station.SmartCharging");

    // StartConfirmationWait takes the station lock itself, so that it can wait for the StartTransaction's delivery without holding it.
    public HandlerLock Lock => HandlerLock.None;

    public ValueTask<SetChargingProfileResponse> HandleAsync(SetChargingProfileRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        StartConfirmationWait.AnswerAsync(
            confirmations,
            runtime,
            _logger,
            OcppActions.SetChargingProfile.Name,
            () => UnknownTransactionId(request),
            () => new SetChargingProfileResponse { Status = profiles.Set(request).Status },
            cancellationToken);

    private int? UnknownTransactionId(SetChargingProfileRequest request) =>
        request.CsChargingProfiles is { ChargingProfilePurpose: ChargingProfilePurposeType.TxProfile, TransactionId: { } id } && transactions.FindByTransactionId(id) is null
            ? id
            : null;
}
