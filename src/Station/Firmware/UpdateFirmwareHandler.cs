using Ocpp16.Messages;
using Ocpp16.Rpc;

namespace Station.Firmware;

/// <summary>Answers UpdateFirmware (§5.19) and starts the update once the answer has left.</summary>
internal sealed class UpdateFirmwareHandler(FirmwareService firmware) : IOcppHandler<UpdateFirmwareRequest, UpdateFirmwareResponse>
{
    public ValueTask<UpdateFirmwareResponse> HandleAsync(UpdateFirmwareRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        // TC_044_1: the FirmwareStatusNotifications follow the (empty) UpdateFirmware.conf.
        if (firmware.Accept(request) is { } start)
        {
            context.AfterResponse(start);
        }

        return ValueTask.FromResult(new UpdateFirmwareResponse());
    }
}
