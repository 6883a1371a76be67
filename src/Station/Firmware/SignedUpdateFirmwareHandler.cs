using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Firmware;

/// <summary>
/// Answers SignedUpdateFirmware (whitepaper edition 3, §3): Accepted (or AcceptedCanceled) and the
/// SignedFirmwareStatusNotifications after the answer, InvalidCertificate for a signing certificate
/// that no installed ManufacturerRootCertificate vouches for, Rejected during an installation.
/// </summary>
internal sealed class SignedUpdateFirmwareHandler(FirmwareService firmware) : IStationHandler<SignedUpdateFirmwareRequest, SignedUpdateFirmwareResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

    public ValueTask<SignedUpdateFirmwareResponse> HandleAsync(SignedUpdateFirmwareRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var (status, start) = firmware.AcceptSigned(request);
        if (start is not null)
        {
            context.AfterResponse(start);
        }

        return ValueTask.FromResult(new SignedUpdateFirmwareResponse { Status = status });
    }
}
