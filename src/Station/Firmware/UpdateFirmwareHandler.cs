using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.Firmware;

/// <summary>Answers UpdateFirmware (§5.19) and starts the update once the answer has left.</summary>
internal sealed class UpdateFirmwareHandler(FirmwareService firmware) : IStationHandler<UpdateFirmwareRequest, UpdateFirmwareResponse>
{
    public HandlerLock Lock => HandlerLock.Station;

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
