using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.LocalAuthList;

/// <summary>Answers GetLocalListVersion (§5.10): -1 while the list is disabled, 0 when it is empty.</summary>
internal sealed class GetLocalListVersionHandler(LocalAuthListService list) : IStationHandler<GetLocalListVersionRequest, GetLocalListVersionResponse>
{
    // Reads one published value: no lock needed.
    public HandlerLock Lock => HandlerLock.None;

    public ValueTask<GetLocalListVersionResponse> HandleAsync(GetLocalListVersionRequest request, IncomingCallContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new GetLocalListVersionResponse { ListVersion = list.ReportedVersion });
}
