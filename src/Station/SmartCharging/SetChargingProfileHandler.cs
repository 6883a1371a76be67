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

    // It takes the station lock itself, so that it can wait for the StartTransaction's delivery without holding it.
    public HandlerLock Lock => HandlerLock.None;

    public async ValueTask<SetChargingProfileResponse> HandleAsync(SetChargingProfileRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var starting = confirmations.StartTransactionDelivered;
        int? unknown;
        using (await runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            unknown = starting.IsCompleted ? null : UnknownTransactionId(request);
            if (unknown is null)
            {
                return new SetChargingProfileResponse { Status = profiles.Set(request).Status };
            }
        }

        await StartConfirmationWait.WaitAsync(starting, runtime, _logger, OcppActions.SetChargingProfile.Name, unknown.Value, cancellationToken).ConfigureAwait(false);
        using (await runtime.Lock.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            return new SetChargingProfileResponse { Status = profiles.Set(request).Status };
        }
    }

    private int? UnknownTransactionId(SetChargingProfileRequest request) =>
        request.CsChargingProfiles is { ChargingProfilePurpose: ChargingProfilePurposeType.TxProfile, TransactionId: { } id } && transactions.FindByTransactionId(id) is null
            ? id
            : null;
}
